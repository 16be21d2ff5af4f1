import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Workflow tests share one real dev server; files run in parallel workers but each test
    // uses its own task queue, so they never steal each other's work.
    pool: 'forks',
    maxWorkers: 2,
  },
});
