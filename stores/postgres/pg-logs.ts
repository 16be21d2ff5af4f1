import type pg from 'pg';
import { NotificationLogEntrySchema } from '../../activities/notify/notification-log';
import { AuditEntrySchema } from '../types';
import type { AuditEntry, AuditLog, NotificationLog } from '../types';
import { untilWritten } from './pool';

/**
 * Both logs are append-only tables read in insertion order (`seq`). A notification line is
 * written right after a mail went out, so, like the delivery record, it waits out an outage.
 */
export function createPgNotificationLog(pool: pg.Pool, options: { patienceMs: number }): NotificationLog {
  return {
    async append(campaignId, entry) {
      const valid = NotificationLogEntrySchema.parse(entry);
      await untilWritten(
        () =>
          pool.query('INSERT INTO notification_log (campaign_id, entry) VALUES ($1, $2)', [
            campaignId,
            JSON.stringify(valid),
          ]),
        options.patienceMs,
      );
    },
    async read(campaignId) {
      const result = await pool.query<{ entry: unknown }>(
        'SELECT entry FROM notification_log WHERE campaign_id = $1 ORDER BY seq',
        [campaignId],
      );
      return parsedRows(result.rows, (row) => NotificationLogEntrySchema.safeParse(row.entry));
    },
  };
}

export function createPgAuditLog(pool: pg.Pool): AuditLog {
  return {
    async append(entry) {
      const valid = AuditEntrySchema.parse(entry);
      await pool.query('INSERT INTO audit_log (scope, entry) VALUES ($1, $2)', [valid.scope, JSON.stringify(valid)]);
    },
    async read(scope, query = {}) {
      // The newest `last`, then back in order: a long audit never travels whole.
      const result =
        query.last === undefined
          ? await pool.query<{ entry: unknown }>('SELECT entry FROM audit_log WHERE scope = $1 ORDER BY seq', [scope])
          : await pool.query<{ entry: unknown }>(
              'SELECT entry FROM (SELECT seq, entry FROM audit_log WHERE scope = $1 ORDER BY seq DESC LIMIT $2) t ORDER BY seq',
              [scope, query.last],
            );
      return parsedRows<AuditEntry, { entry: unknown }>(result.rows, (row) => AuditEntrySchema.safeParse(row.entry));
    },
  };
}

/** Rows that no longer match the schema (written by a newer version) are skipped, not fatal. */
function parsedRows<T, R>(rows: R[], parse: (row: R) => { success: true; data: T } | { success: false }): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const parsed = parse(row);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
