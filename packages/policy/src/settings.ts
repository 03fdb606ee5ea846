/**
 * District policy settings (policy as data): each key's schema, default and name. Values are versioned per district by
 * effective date (the server's platform/policy store); each module defines its own settings with keys '<module>.*'.
 */
import type { z } from 'zod';

export interface PolicySetting<T = unknown> {
  label: { 'zh-CN': string; en: string };
  schema: z.ZodType<T>;
  default: T;
}

export type PolicySettings = Record<string, PolicySetting>;

/** Keeps each setting's own value type while checking the shape. */
export function definePolicySettings<const S extends PolicySettings>(settings: S): S {
  return settings;
}

export type PolicySettingValue<S> = S extends { schema: z.ZodType<infer T> } ? T : never;
