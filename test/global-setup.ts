import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { compileCli, freshCompiledCli } from '../bin/compiled-cli.js';
import { projectDataDir } from '../server/cache-paths';
import { findDevServerBinary } from '../server/dev-server-binary';
import { ensureDevServer } from '../server/provision';
import { findTestServer } from '../server/test-server-launcher';
import { WORKFLOWS_PATH } from '../worker/campaign-worker';
import { buildWorkflowBundles } from '../worker/prebuild-bundles';

// Every workflows file the tests bundle. Built once per run (and kept on disk while the sources stay
// the same), so no test file and no worker process a test spawns spends ~10 s bundling again.
const TEST_WORKFLOWS = [
  WORKFLOWS_PATH,
  path.join(__dirname, '../workflows/assessment-workflow.ts'),
  path.join(__dirname, 'fixtures/plumbing-workflows.ts'),
  path.join(__dirname, 'fixtures/shared-modules-workflows.ts'),
  path.join(__dirname, 'codec/failing-workflow.ts'),
];

/**
 * One dev server for the whole run: starting one costs a second or two and some hundred MB, so
 * test files share it and isolate themselves by task queue and workflow id instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cli = await findDevServerBinary();
  let testServerPath = '';
  let testServerError = '';
  try {
    const testServer = await findTestServer();
    if (testServer.kind === 'launcher') testServerPath = testServer.path;
  } catch (error) {
    // Only time-skipping tests need it; they fail with this sentence, everything else still runs.
    testServerError = error instanceof Error ? error.message : String(error);
  }

  await buildWorkflowBundles(TEST_WORKFLOWS);
  // The CLI the tests spawn, compiled once here rather than by the first few spawns at once.
  if (freshCompiledCli() === undefined) compileCli();

  const dir = path.join(projectDataDir(), 'test');
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, `shared-${process.pid}.sqlite`);
  const server = await ensureDevServer({
    existingAddress: process.env['TEMPORAL_ADDRESS'],
    binary: cli,
    dbFile,
    headless: true,
    log: { file: path.join(dir, 'dev-server.log') },
    // Durability across an OS crash is irrelevant for a throwaway test database; fsyncs are not.
    extraArgs: ['--sqlite-pragma', 'synchronous=OFF'],
  });

  project.provide('temporalAddress', server.address);
  project.provide('testServerPath', testServerPath);
  project.provide('testServerError', testServerError);
  project.provide('temporalCliPath', cli.kind === 'binary' ? cli.path : '');

  return async () => {
    await server.stop();
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  };
}
