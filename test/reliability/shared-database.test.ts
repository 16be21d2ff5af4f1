import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgStores } from '../../stores/postgres';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { temporalAddress, testClient, uniqueId } from '../helpers/temporal';
import { busyPlan, describeOutcome, runCampaignUnderFire } from './support/campaign-under-fire';
import { startMailSink, type MailSink } from './support/mail-sink';
import { spawnWorker, type WorkerProcess } from './support/worker-process';

/**
 * Two hosts: two worker processes, each on a data folder of its own, sharing only the Temporal
 * server and one PostgreSQL (DATABASE_URL). One is killed with kill -9 mid-send and started again;
 * then the database itself goes away for a while and comes back, on a schedule the test holds,
 * while mail is going out. Every mail must still arrive exactly once (runCampaignUnderFire checks),
 * and everything that must be shared is in the database, not in either folder.
 */

/** Long enough that sends, delivery records and polls all hit the closed database. */
const OUTAGE_MS = 15_000;

let sink: MailSink;
let db: TestPostgres;
beforeAll(async () => {
  [sink, db] = await Promise.all([startMailSink({ replyDelayMs: 150 }), startTestPostgres()]);
});
afterAll(async () => {
  await sink?.close();
  await db?.dispose();
});

describe('two workers on separate data folders sharing one PostgreSQL', () => {
  it('delivers every mail once through a kill -9 and a database outage', async () => {
    const client = await testClient();
    const taskQueue = uniqueId('hosts');
    const folders = ['a', 'b'].map((host) => fs.mkdtempSync(path.join(os.tmpdir(), `campaign-host-${host}-`)));
    const [folderA = '', folderB = ''] = folders;
    const setupOf = (dataDir: string) => ({
      address: temporalAddress(),
      taskQueue,
      dataDir,
      smtpUrl: sink.url,
      env: { DATABASE_URL: db.url },
    });
    const workers: WorkerProcess[] = [];
    const start = async (dataDir: string) => {
      const worker = spawnWorker(setupOf(dataDir));
      workers.push(worker);
      await worker.ready(client);
      return worker;
    };
    const plan = busyPlan(uniqueId('hosts'));
    try {
      let hostA = await start(folderA);
      await start(folderB);
      const outcome = await runCampaignUnderFire({
        client,
        taskQueue,
        sink,
        plan,
        async inject({ strike }) {
          await sleep(4_000);
          await strike(`kill -9 of host A's worker ${hostA.pid}`, () => hostA.crash());
          hostA = await start(folderA);
          await sleep(3_000);
          await strike(`PostgreSQL stopped for ${OUTAGE_MS / 1000} s`, async () => {
            await db.stop();
            await sleep(OUTAGE_MS);
            await db.start();
          });
        },
      });
      console.info(describeOutcome('two hosts, one killed, then the database down', outcome));
      expect(outcome.faults).toHaveLength(2);
      expect(outcome.faults.every((f) => f.smtpOpen + f.updatesInFlight > 0)).toBe(true);
      // The outage was felt: mail activities failed on the database and were retried.
      expect(outcome.activityRetries).toBeGreaterThan(0);

      // The shared state is in the database, readable by any host: every mail the sink took is
      // recorded there as delivered, and neither host kept a delivery log of its own.
      const stores = await createPgStores({ url: db.url, poolSize: 2, patienceMs: 10_000 });
      try {
        const log = await stores.notifications.read(plan.campaign.id);
        const delivered = new Set(log.filter((e) => e.status === 'delivered').map((e) => `${e.messageId} ${e.email}`));
        const received = sink.received.filter((m) => m.campaignId === plan.campaign.id);
        expect(received.length).toBeGreaterThan(0);
        for (const mail of received) expect(delivered.has(`${mail.messageId} ${mail.rcpt}`)).toBe(true);
        const sample = received[0]!;
        expect((await stores.deliveries.get(plan.campaign.id, sample.messageId))?.status).toBe('delivered');
      } finally {
        await stores.close();
      }
      for (const folder of folders) {
        expect(fs.existsSync(path.join(folder, 'deliveries')), folder).toBe(false);
        expect(fs.existsSync(path.join(folder, 'notifications')), folder).toBe(false);
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 300_000);
});
