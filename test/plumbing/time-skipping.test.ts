import { campaignDataConverter } from '../../codec/data-converter';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflowsOnce } from '../../worker/run-worker';
import { finishSignal, plumbingWorkflow, slowUpdate, thirtyDayTimerWorkflow } from '../fixtures/plumbing-workflows';
import { createTimeSkippingEnv, uniqueId } from '../helpers/temporal';

const workflowsPath = path.join(__dirname, '../fixtures/plumbing-workflows.ts');
const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

describe('time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  const taskQueue = uniqueId('time-skipping');

  beforeAll(async () => {
    // Bundle up front so the timings below measure the server, not webpack.
    [env] = await Promise.all([createTimeSkippingEnv(), bundleWorkflowsOnce(workflowsPath)]);
  });

  // A Worker runs once; each test gets its own on the shared environment and task queue.
  async function newWorker(): Promise<Worker> {
    return Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowsOnce(workflowsPath),
      dataConverter: campaignDataConverter(),
    });
  }

  afterAll(async () => {
    await env?.teardown();
  });

  it('finishes a 30-day timer in seconds', async () => {
    const worker = await newWorker();
    const started = Date.now();
    const workflowTimeMs = await worker.runUntil(() =>
      env.client.workflow.execute(thirtyDayTimerWorkflow, { taskQueue, workflowId: uniqueId('timer') }),
    );
    expect(workflowTimeMs).toBeGreaterThanOrEqual(THIRTY_DAYS_MS);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('does not skip time while a client only waits on an update, until the test sleeps', async () => {
    const worker = await newWorker();
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(plumbingWorkflow, { taskQueue, workflowId: uniqueId('slow') });
      const update = handle.executeUpdate(slowUpdate);
      // Two real seconds are ample for the handler to reach its one-day timer; time must not move.
      await expect(Promise.race([update, sleep(2000, 'still waiting')])).resolves.toBe('still waiting');
      await env.sleep('1 day');
      await expect(update).resolves.toBe('slept a day');
      await handle.signal(finishSignal);
      await handle.result();
    });
  });
});
