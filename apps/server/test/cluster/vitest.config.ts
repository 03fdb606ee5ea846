/** The two-server test (.ci/two-servers): one file, its servers started by the test itself. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/server/test/cluster/**/*.test.ts'],
    root: new URL('../../../..', import.meta.url).pathname,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
