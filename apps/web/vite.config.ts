import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

type Node = { type: string; start: number; end: number; [key: string]: unknown };

/**
 * The web reads the shared contracts and policy for their constants, labels and rules, and validates with one of
 * their schemas at most. Their module-level values are built by calls (`z.object(…)`, `Id.nullable()`, `Text(50)`,
 * `.refine(...range(62))`), which a bundler must keep unless told they are pure, and with them all of zod. This wraps
 * the initializer of each module-level `const` that is not a plain literal in a `@__PURE__` arrow called at once: same
 * value, same moment, but dropped whole when nothing reads the name. Statements that are calls themselves
 * (`x.register(…)`) are left alone: they are there for their effect.
 */
function pureSharedModules(): Plugin {
  const shared = /[\\/]packages[\\/](contracts|policy)[\\/]src[\\/].*\.ts$/;
  const literal = new Set(['Literal', 'TemplateLiteral', 'Identifier', 'ArrowFunctionExpression', 'FunctionExpression']);
  return {
    name: 'shuangjian:pure-shared-modules',
    transform(code, id) {
      if (!shared.test(id)) return null;
      const inits: Node[] = [];
      for (const statement of this.parse(code).body as unknown as Node[]) {
        const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : statement;
        if (declaration?.type !== 'VariableDeclaration') continue;
        for (const d of declaration.declarations as Node[]) {
          const init = d.init as Node | null;
          if (init && (d.id as Node).type === 'Identifier' && !literal.has(init.type)) inits.push(init);
        }
      }
      let out = code;
      for (const init of inits.reverse()) out = `${out.slice(0, init.start)}/* @__PURE__ */ (() => (${out.slice(init.start, init.end)}))()${out.slice(init.end)}`;
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  plugins: [react(), pureSharedModules()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: {
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      // with their module-level values pure (above), a shared module none of whose exports is used is dropped whole
      treeshake: {
        moduleSideEffects: [
          { test: /[\\/]packages[\\/](contracts|policy)[\\/]src[\\/]/, sideEffects: false },
          // antd's component kit declares no sideEffects: without it a whole package comes along for one export
          { test: /[\\/]node_modules[\\/]@rc-component[\\/]/, sideEffects: false },
        ],
      },
      output: {
        codeSplitting: {
          // zod is reached from every page through the contracts, yet only the policy form validates with it: its own
          // chunk, loaded by that page, not the shared one the sign-in page loads. Its global config (core.js and the
          // util.js it needs) stays out of it: the entry sets it first (zod-config.ts). No dependencies pulled in after.
          includeDependenciesRecursively: false,
          groups: [{ name: 'zod', test: (id) => /[\\/]node_modules[\\/]zod[\\/]/.test(id) && !/[\\/]v4[\\/]core[\\/](core|util)\.js$/.test(id) }],
        },
      },
    },
  },
});
