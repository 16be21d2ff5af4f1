import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Workflow tests share one real dev server, each on its own task queue. Files run one at a
    // time: rehearsals run on a real clock, and two cores shared by the server, a worker and a
    // second test file would make punctual simulated units late.
    pool: 'forks',
    // One test-only encryption key for every client, worker and CLI process the tests start.
    env: { CAMPAIGN_CODEC_KEYS: 'test-1:dGVzdC1vbmx5LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=' },
    fileParallelism: false,
  },
});
