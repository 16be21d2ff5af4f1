import { defineConfig } from 'vitest/config';

/**
 * Tests that need no Temporal server, no worker and no workflow bundle: the pure rules in domain/,
 * parsers, templates, file formats. `npm run test:unit` runs only these, in seconds, with nothing
 * started. A new test file that needs no server belongs here too.
 */
const PURE = [
  'test/domain/**/*.test.ts',
  'test/console/render/**/*.test.ts',
  'test/bench/**/*.test.ts',
  'test/cli/error-wording.test.ts',
  'test/cli/start-up-modules.test.ts',
  'test/cli/sdk-errors.test.ts',
  'test/codec/codec.test.ts',
  'test/codec/codec-server.test.ts',
  'test/hostile/files-and-args.test.ts',
  'test/hostile/parsers.test.ts',
  'test/ledger/**/*.test.ts',
  'test/notify/atomic-file.test.ts',
  'test/notify/mail-config.test.ts',
  'test/notify/outbox.test.ts',
  'test/notify/templates.test.ts',
  'test/csv/**/*.test.ts',
  'test/output/**/*.test.ts',
  'test/plumbing/list-filter.test.ts',
  'test/plumbing/worker-config.test.ts',
  'test/reports/**/*.test.ts',
  'test/server/**/*.test.ts',
  'test/stores/store-config.test.ts',
  'test/service/service-config.test.ts',
];

/**
 * The long files: faults injected into a running campaign (workers and servers killed, the
 * database stopped for a minute, SMTP away), mostly waiting on timeouts and back-off, and the
 * 200-unit campaign, which computes. `npm test` runs them in a run of their own beside the other
 * server tests (scripts/run-tests.mjs), so the waiting overlaps with work instead of adding to it.
 */
const LONG = ['test/reliability/**/*.test.ts', 'test/workflows/large-campaign.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // One test-only encryption key for every client, worker and CLI process the tests start.
    env: { CAMPAIGN_CODEC_KEYS: 'test-1:dGVzdC1vbmx5LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=' },
    projects: [
      {
        extends: true,
        test: {
          name: 'pure',
          include: PURE,
          // Before the server tests, so a failing rule shows in seconds.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'temporal',
          include: ['test/**/*.test.ts'],
          exclude: [...PURE, ...LONG],
          globalSetup: ['test/global-setup.ts'],
          sequence: { groupOrder: 1 },
          // Workflow tests share one real dev server, each on its own task queue. Files run one at
          // a time: two cores are shared by the server, a worker and the test itself.
          pool: 'forks',
          fileParallelism: false,
          // One process for all of them: the SDK, the worker's native bridge and the campaign code
          // load once rather than once per file (a seventh of the lane's time). Files share no state
          // but the Runtime and a connection per server (test/helpers/temporal.ts).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'long',
          include: LONG,
          globalSetup: ['test/global-setup.ts'],
          // After the other server tests when vitest runs everything in one process; `npm test`
          // (scripts/run-tests.mjs) runs this project in a process of its own beside them instead.
          sequence: { groupOrder: 2 },
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
