import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { testClient } from '../helpers/temporal';
import { describeOutcome } from './support/campaign-under-fire';
import { databaseOutage } from './support/database-outage';
import { killableDevServer, type KillableServer } from './support/killable-server';
import { startMailSink, type MailSink } from './support/mail-sink';
import { runOnTwoHosts } from './support/two-hosts';

/**
 * Two hosts sharing one PostgreSQL (support/two-hosts.ts), on a Temporal server of their own. Host
 * A's worker is killed with kill -9 mid-send and started again; the Temporal server is killed
 * with kill -9 and started again on its file, and both workers find it by themselves; then the
 * database goes away and comes back while mail is going out. Every mail still arrives exactly once.
 * The minute-long outage the operations guide promises is database-outage-minute.test.ts.
 */

/** Long enough that sends, delivery records and reads all hit the closed database. */
const OUTAGE_MS = 15_000;

let sink: MailSink;
let db: TestPostgres;
let server: KillableServer;
beforeAll(async () => {
  [sink, db, server] = await Promise.all([
    startMailSink({ replyDelayMs: 150 }),
    startTestPostgres(),
    killableDevServer(),
  ]);
});
afterAll(async () => {
  await sink?.close();
  await db?.dispose();
  await server?.dispose();
});

describe('two workers on separate data folders sharing one PostgreSQL', () => {
  it('delivers every mail once through a worker and a server killed, and a database outage', async () => {
    const client = await testClient(server.address);
    let outage = { seconds: 0, failedOnDatabase: 0, submissionsDuring: 0 };
    const outcome = await runOnTwoHosts({
      client,
      address: server.address,
      databaseUrl: db.url,
      sink,
      async inject({ strike, hosts, plan, submissionsTaken }) {
        await sleep(4_000);
        const doomed = hosts.current('a');
        await strike(`kill -9 of host A's worker ${doomed.pid}`, () => doomed.crash());
        await hosts.start('a');
        await sleep(2_000);
        await strike('kill -9 of the Temporal server', () => server.crashAndRestart());
        // The very same worker processes poll the new server: they reconnected on their own.
        await Promise.all([hosts.current('a').ready(client), hosts.current('b').ready(client)]);
        await sleep(2_000);
        await strike(`PostgreSQL stopped for ${OUTAGE_MS / 1000} s`, async () => {
          // Whether the clerks had a report left to send in these 15 s depends on how long the
          // faults before took; the minute-long outage test holds the workflows to it.
          outage = await databaseOutage(db, OUTAGE_MS, { client, plan, submissionsTaken, requireSubmission: false });
        });
      },
    });
    console.info(describeOutcome('two hosts, a worker and the server killed, then the database down', outcome));
    console.info(
      `  database down ${outage.seconds} s: ${outage.failedOnDatabase} activit(ies) failed on it, ${outage.submissionsDuring} submission(s) taken meanwhile`,
    );
    expect(outcome.faults).toHaveLength(3);
    expect(outcome.faults.every((f) => f.smtpOpen + f.updatesInFlight > 0)).toBe(true);
    expect(outage.failedOnDatabase).toBeGreaterThan(0);
  }, 300_000);
});
