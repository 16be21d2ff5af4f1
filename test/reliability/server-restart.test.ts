import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClient, uniqueId } from '../helpers/temporal';
import { busyPlan, describeOutcome, runCampaignUnderFire } from './support/campaign-under-fire';
import { killableDevServer } from './support/killable-server';
import { startMailSink, type MailSink } from './support/mail-sink';
import { spawnWorker } from './support/worker-process';

/**
 * The Temporal dev server itself killed with SIGKILL twice mid-campaign and started again on its
 * SQLite file and port. The worker process is left alone: it must find the server again by itself,
 * and the campaign must go on with nothing lost or doubled. Clients see the server gone and resend
 * (with the same update id), as a clerk would press "submit" again.
 */

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink({ replyDelayMs: 150 });
});
afterAll(async () => sink?.close());

describe('the dev server process killed and restarted on its SQLite file', () => {
  it('lets the same worker reconnect and the campaign go on, losing and doubling nothing', async () => {
    const server = await killableDevServer();
    const client = await testClient(server.address);
    const taskQueue = uniqueId('server-crash');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-server-crash-'));
    const worker = spawnWorker({ address: server.address, taskQueue, dataDir, smtpUrl: sink.url });
    try {
      await worker.ready(client);
      const outcome = await runCampaignUnderFire({
        client,
        taskQueue,
        sink,
        dataDir,
        plan: busyPlan(uniqueId('server-crash')),
        async inject({ strike }) {
          for (let kill = 1; kill <= 2; kill++) {
            await sleep(4_000);
            await strike(`kill -9 of the Temporal server (#${kill})`, () => server.crashAndRestart());
            // The very same worker process polls the new server: it reconnected on its own.
            await worker.ready(client);
          }
        },
      });
      console.info(describeOutcome('Temporal server killed twice', outcome));
      expect(outcome.faults).toHaveLength(2);
      expect(outcome.faults.some((f) => f.updatesInFlight > 0)).toBe(true);
    } finally {
      await worker.stop();
      await server.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
