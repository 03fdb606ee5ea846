/**
 * What a domain module hands the platform when the app is built (app.ts lists the modules): its routes, the sentences
 * for its unique constraints, and the district policy settings it owns. Registration is explicit, never an import's
 * side effect. docs/modules.md describes the whole convention.
 */
import type { PolicySettings } from '@shuangjian/policy';
import type { App, ModuleDeps } from './http';
import type { ScheduledJob } from './scheduler';
import type { SealedColumns } from './sealed-columns';

export interface AppModule {
  /** The module's name from DOMAIN.md, as in its folder and its permission and policy-key prefixes. */
  name: string;
  /** Unique-constraint name → the Chinese sentence a person reads when a write breaks it. */
  constraintMessages?: Readonly<Record<string, string>>;
  /** Policy settings the module owns; every key starts with `<name>.`. */
  policies?: PolicySettings;
  routes(app: App, deps: ModuleDeps): void;
  /** Work on a timer inside the server (main.ts starts them; tests call what they run directly). */
  jobs?: readonly ScheduledJob[];
  /** Columns the module keeps sealed (platform/crypto.ts): sealed at start when still plaintext, re-sealed by keys:rotate. */
  sealed?: readonly SealedColumns[];
}

/** The constraint messages and policy settings of every module, checked for clashes. */
export function collectModules(modules: readonly AppModule[]) {
  const constraintMessages: Record<string, string> = {};
  const policies: PolicySettings = {};
  for (const m of modules) {
    for (const [name, message] of Object.entries(m.constraintMessages ?? {})) {
      if (name in constraintMessages) throw new Error(`constraint ${name} is registered twice (module ${m.name})`);
      constraintMessages[name] = message;
    }
    for (const [key, setting] of Object.entries(m.policies ?? {})) {
      if (!key.startsWith(`${m.name}.`)) throw new Error(`policy key ${key} of module ${m.name} must start with "${m.name}."`);
      policies[key] = setting;
    }
  }
  return { constraintMessages, policies };
}
