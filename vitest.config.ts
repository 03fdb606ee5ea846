import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
    // several servers with a replica and Redis: .ci/two-servers runs it with its own config
    exclude: ['apps/server/test/cluster/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default (one worker fewer than the cores) runs one file at a time on a 2-core machine; a test file
    // spends much of its time waiting on its database, so two files at once use both cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['apps/server/test/global-setup.ts'],
    // a statement sent to a transaction's connection while another runs there fails the test (PostgreSQL run)
    setupFiles: ['apps/server/test/setup.ts'],
  },
});
