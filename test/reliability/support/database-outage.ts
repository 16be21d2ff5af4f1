import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { AesGcmPayloadCodec } from '../../../codec/aes-gcm-codec';
import { campaignKeyring } from '../../../codec/data-converter';
import { campaignWorkflowId, unitWorkflowId } from '../../../contracts';
import type { Plan } from '../../../domain/plan/schema';
import type { TestPostgres } from '../../helpers/postgres';
import { eventually } from '../../support/eventually';

export interface OutageFigures {
  /** How long PostgreSQL was down, measured. */
  seconds: number;
  /** Activities seen waiting for a retry because their last attempt failed on the closed database. */
  failedOnDatabase: number;
  /** Submissions the workflows took while the database was down. */
  submissionsDuring: number;
}

/** What a pg connection to a stopped PostgreSQL fails with, as an activity failure carries it. */
const DATABASE_AWAY = /ECONNREFUSED|Connection terminated|the database system is shutting down|connect/i;

/** A failure's message: the project's failure converter keeps it in an encrypted payload (codec/). */
async function failureMessage(failure: temporal.api.failure.v1.IFailure | null | undefined): Promise<string> {
  if (!failure) return '';
  if (!failure.encodedAttributes) return failure.message ?? '';
  const [decoded] = await new AesGcmPayloadCodec(campaignKeyring()).decode([failure.encodedAttributes]);
  return decoded === undefined
    ? ''
    : (defaultPayloadConverter.fromPayload<{ message?: string }>(decoded).message ?? '');
}

/** The campaign's and its units' activities now waiting to be retried after a database failure. */
async function activitiesFailedOnDatabase(client: Client, plan: Plan): Promise<number> {
  const ids = [campaignWorkflowId(plan.campaign.id), ...plan.units.map((u) => unitWorkflowId(plan.campaign.id, u.id))];
  const counts = await Promise.all(
    ids.map(async (id) => {
      const described = await client.workflow
        .getHandle(id)
        .describe()
        .catch(() => undefined);
      const messages = await Promise.all(
        (described?.raw.pendingActivities ?? []).map((a) => failureMessage(a.lastFailure)),
      );
      return messages.filter((message) => DATABASE_AWAY.test(message)).length;
    }),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

/**
 * Stops PostgreSQL for `ms`, and before starting it again makes sure the outage was felt, not just
 * timed: some mail activity failed on the closed database (and waits for its retry), and (unless
 * told otherwise) the workflows took a submission meanwhile. Either not happening within the
 * outage fails the test.
 */
export async function databaseOutage(
  db: TestPostgres,
  ms: number,
  watch: {
    client: Client;
    plan: Plan;
    submissionsTaken: () => number;
    /** Fail unless a submission is taken meanwhile; a short outage may fall between the clerks' mornings. */
    requireSubmission?: boolean;
  },
): Promise<OutageFigures> {
  const before = watch.submissionsTaken();
  const startedAt = Date.now();
  await db.stop();
  try {
    const failed = await eventually(
      () => activitiesFailedOnDatabase(watch.client, watch.plan),
      (n) => n > 0,
      { what: 'an activity failing on the closed database', timeoutMs: ms, intervalMs: 500 },
    );
    if (watch.requireSubmission ?? true)
      await eventually(
        () => Promise.resolve(watch.submissionsTaken()),
        (n) => n > before,
        { what: 'a submission taken while the database is down', timeoutMs: Math.max(0, startedAt + ms - Date.now()) },
      );
    const left = startedAt + ms - Date.now();
    if (left > 0) await sleep(left);
    return {
      seconds: Math.round((Date.now() - startedAt) / 1000),
      failedOnDatabase: failed,
      submissionsDuring: watch.submissionsTaken() - before,
    };
  } finally {
    await db.start();
  }
}
