import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { temporalAddress, testClient } from '../helpers/temporal';
import { describeOutcome } from './support/campaign-under-fire';
import { startMailSink, type MailSink } from './support/mail-sink';
import { runOnTwoHosts } from './support/two-hosts';

/**
 * Two hosts sharing one PostgreSQL (support/two-hosts.ts). Host A's worker is killed with kill -9
 * mid-send and started again; then the database itself goes away and comes back, on a schedule the
 * test holds, while mail is going out. Every mail still arrives exactly once.
 */

/** Long enough that sends, delivery records and reads all hit the closed database. */
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
    const outcome = await runOnTwoHosts({
      client: await testClient(),
      address: temporalAddress(),
      databaseUrl: db.url,
      sink,
      async inject({ strike, hosts }) {
        await sleep(4_000);
        const doomed = hosts.current('a');
        await strike(`kill -9 of host A's worker ${doomed.pid}`, () => doomed.crash());
        await hosts.start('a');
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
    // The outage was felt: activities failed on the closed database and were retried.
    expect(outcome.activityRetries).toBeGreaterThan(outcome.activitiesOutlivedWorker);
  }, 300_000);
});
