import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporalAddress, testClient, uniqueId } from '../helpers/temporal';
import { busyPlan, describeOutcome, runCampaignUnderFire } from './support/campaign-under-fire';
import { startMailSink, type MailSink } from './support/mail-sink';
import { spawnWorker } from './support/worker-process';

/**
 * Two worker processes share the task queue, as a deployment with a spare does; one is killed
 * with SIGKILL mid-campaign and not replaced. The other must take over everything the dead one
 * held (its cached workflows, its running activities) with nothing lost or doubled.
 */

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink({ replyDelayMs: 150 });
});
afterAll(async () => sink?.close());

describe('two workers on one task queue, one killed with kill -9', () => {
  it('goes on with the survivor and loses and doubles nothing', async () => {
    const client = await testClient();
    const taskQueue = uniqueId('pair');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-pair-'));
    const setup = { address: temporalAddress(), taskQueue, dataDir, smtpUrl: sink.url };
    const doomed = spawnWorker(setup);
    const survivor = spawnWorker(setup);
    try {
      await Promise.all([doomed.ready(client), survivor.ready(client)]);
      const outcome = await runCampaignUnderFire({
        client,
        taskQueue,
        sink,
        dataDir,
        plan: busyPlan(uniqueId('pair')),
        async inject({ strike }) {
          // Long enough for both workers to hold cached workflows and running activities.
          await sleep(5_000);
          await strike(`kill -9 of worker ${doomed.pid} (of two)`, () => doomed.crash());
        },
      });
      console.info(describeOutcome('one of two workers killed', outcome));
      expect(outcome.faults).toHaveLength(1);
      expect(outcome.faults[0]!.updatesInFlight + outcome.faults[0]!.smtpOpen).toBeGreaterThan(0);
      // The dead worker held work the server had to hand to the survivor.
      expect(outcome.workflowTaskTimeouts + outcome.activitiesOutlivedWorker).toBeGreaterThan(0);
    } finally {
      await Promise.all([doomed.stop(), survivor.stop()]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
