import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { temporalAddress, testClient } from '../helpers/temporal';
import { describeOutcome } from './support/campaign-under-fire';
import { databaseOutage } from './support/database-outage';
import { startMailSink, type MailSink } from './support/mail-sink';
import { runOnTwoHosts } from './support/two-hosts';

/**
 * The outage the issue and the operations guide name: PostgreSQL stopped for a whole minute while
 * two hosts send a campaign's mail. The workflows keep running (submissions are taken, timers
 * fire), mail activities fail on the closed database and are retried, delivery records written
 * after a send wait it out; when it comes back every mail has arrived once. About two and a half
 * minutes, most of it the outage and the mail retries' back-off after it.
 */

const OUTAGE_MS = 60_000;

let sink: MailSink;
let db: TestPostgres;
beforeAll(async () => {
  [sink, db] = await Promise.all([startMailSink({ replyDelayMs: 150 }), startTestPostgres()]);
});
afterAll(async () => {
  await sink?.close();
  await db?.dispose();
});

describe('a minute without the shared database', () => {
  it('loses and doubles no mail, and the workflows keep running through it', async () => {
    const client = await testClient();
    let outage = { seconds: 0, failedOnDatabase: 0, submissionsDuring: 0 };
    const outcome = await runOnTwoHosts({
      client,
      address: temporalAddress(),
      databaseUrl: db.url,
      sink,
      async inject({ strike, plan, submissionsTaken }) {
        await sleep(3_000);
        await strike(`PostgreSQL stopped for ${OUTAGE_MS / 1000} s`, async () => {
          outage = await databaseOutage(db, OUTAGE_MS, { client, plan, submissionsTaken });
        });
      },
    });
    console.info(describeOutcome('two hosts, the database down for a minute', outcome));
    console.info(
      `  database down ${outage.seconds} s: ${outage.failedOnDatabase} activit(ies) failed on it, ${outage.submissionsDuring} submission(s) taken meanwhile`,
    );
    expect(outage.seconds).toBeGreaterThanOrEqual(60);
    expect(outcome.faults[0]!.smtpOpen + outcome.faults[0]!.updatesInFlight).toBeGreaterThan(0);
    expect(outage.failedOnDatabase).toBeGreaterThan(0);
    expect(outage.submissionsDuring).toBeGreaterThan(0);
  }, 400_000);
});
