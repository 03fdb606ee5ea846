import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // one server per worker (global-setup.ts): the files share the workers, a file keeps its worker's server
    maxWorkers: Math.max(1, Number(process.env.E2E_WORKERS ?? 1)),
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // a page under a loaded CI machine can take seconds to settle; polls wait that long before failing
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
