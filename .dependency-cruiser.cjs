/**
 * The module convention (docs/modules.md), enforced: `npm run lint` runs this after ESLint, so CI fails on a breach.
 * Paths are repository-relative.
 */
const MODULES = '^apps/server/src/modules/';
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycles, type-only imports included: a cycle is a module boundary in the wrong place.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-knows-no-module',
      severity: 'error',
      comment: 'platform/ is cross-cutting and knows no domain: modules register with it, it never imports them.',
      from: { path: '^apps/server/src/platform/' },
      to: { path: '^apps/server/src/(modules|demo|cli)/' },
    },
    {
      name: 'modules-meet-through-index',
      severity: 'error',
      comment: "A module uses another only through that module's index.ts (its services and read models).",
      from: { path: `${MODULES}([^/]+)/`, pathNot: `${MODULES}[^/]+/[^/]*schema\\.ts$` },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/index\\.ts$`] },
    },
    {
      name: 'schemas-reference-schemas',
      severity: 'error',
      comment: "A module's schema files may reference another module's tables for foreign keys, and nothing else of it.",
      from: { path: `${MODULES}([^/]+)/[^/]*schema\\.ts$` },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/[^/]*schema\\.ts$`, `${MODULES}[^/]+/index\\.ts$`] },
    },
    {
      name: 'routes-without-orm',
      severity: 'error',
      comment: 'Routes are HTTP only: schemas from contracts, work in services. No ORM, no tables.',
      from: { path: '(^|/)(routes|[^/]+\\.routes)\\.ts$' },
      to: { path: ['(^|/)node_modules/drizzle-orm/', 'schema\\.ts$', '/platform/db\\.ts$'] },
    },
    {
      name: 'web-is-not-server',
      severity: 'error',
      comment: 'The web app shares contracts and policy with the server, never server code.',
      from: { path: '^apps/web/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'packages-are-leaves',
      severity: 'error',
      comment: 'packages/ are shared by server and web: they import no app.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'policy-is-pure',
      severity: 'error',
      comment: 'packages/policy holds pure rules: no server, database or HTTP library.',
      from: { path: '^packages/policy/' },
      to: { path: '(^|/)node_modules/(drizzle-orm|fastify|pg|@electric-sql)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|test-results|drizzle)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
