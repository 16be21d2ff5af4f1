import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporalAddress, testClient, uniqueId } from '../helpers/temporal';
import { busyPlan, describeOutcome, runCampaignUnderFire } from './support/campaign-under-fire';
import { startMailSink, type MailSink } from './support/mail-sink';
import { spawnWorker, type WorkerProcess } from './support/worker-process';

/**
 * The worker process killed with SIGKILL three times while a busy rehearsal runs: submissions,
 * timers and mail in flight each time, a new process started after each kill. Every check lives in
 * runCampaignUnderFire: every submission taken once, every escalation step once, every mail
 * delivered once, the campaign finished.
 */

let sink: MailSink;
beforeAll(async () => {
  // A server that takes 150 ms before its 250 keeps sends in flight long enough to kill into.
  sink = await startMailSink({ replyDelayMs: 150 });
});
afterAll(async () => sink?.close());

describe('the worker killed with kill -9 mid-campaign', () => {
  it('loses and doubles nothing when a new worker process takes over after each of three kills', async () => {
    const client = await testClient();
    const taskQueue = uniqueId('crash');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-crash-'));
    const setup = { address: temporalAddress(), taskQueue, dataDir, smtpUrl: sink.url };
    const workers: WorkerProcess[] = [];
    const start = async () => {
      const worker = spawnWorker(setup);
      workers.push(worker);
      await worker.ready(client);
      return worker;
    };
    try {
      let worker = await start();
      const outcome = await runCampaignUnderFire({
        client,
        taskQueue,
        sink,
        dataDir,
        plan: busyPlan(uniqueId('crash')),
        async inject({ strike }) {
          for (let kill = 1; kill <= 3; kill++) {
            // Let the new process pick up the work it inherits before it dies in turn.
            await sleep(3_000);
            await strike(`kill -9 of worker ${worker.pid}`, () => worker.crash());
            worker = await start();
          }
        },
      });
      console.info(describeOutcome('worker killed three times', outcome));
      expect(outcome.faults).toHaveLength(3);
      // The kills hit work in flight, and the server saw it: tasks the dead worker held timed out.
      expect(outcome.faults.some((f) => f.updatesInFlight > 0)).toBe(true);
      expect(outcome.faults.some((f) => f.smtpOpen > 0)).toBe(true);
      expect(outcome.workflowTaskTimeouts).toBeGreaterThan(0);
      expect(outcome.activitiesOutlivedWorker).toBeGreaterThan(0);
      // Mail heartbeats while it works: the server noticed the dead worker's sends by their silence.
      expect(outcome.heartbeatsLapsed).toBeGreaterThan(0);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
