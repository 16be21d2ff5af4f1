import type pg from 'pg';
import { DeliveryRecordSchema } from '../../activities/notify/delivery-log';
import type { DeliveryLog } from '../types';
import { untilWritten } from './pool';

/**
 * The record that makes mail exactly-once, shared by every worker: a retry that lands on another
 * host finds what the first host sent. A put follows a mail the SMTP server already took, so it
 * waits out a database outage (`patienceMs`, inside the mail activity's two-minute timeout)
 * rather than fail and have the retry send the mail again.
 */
export function createPgDeliveryLog(pool: pg.Pool, options: { patienceMs: number }): DeliveryLog {
  return {
    async get(campaignId, messageId) {
      const result = await pool.query<{ record: unknown }>(
        'SELECT record FROM mail_deliveries WHERE campaign_id = $1 AND message_id = $2',
        [campaignId, messageId],
      );
      const row = result.rows[0];
      return row === undefined ? undefined : DeliveryRecordSchema.parse(row.record);
    },
    async put(record) {
      const valid = DeliveryRecordSchema.parse(record);
      await untilWritten(
        () =>
          pool.query(
            `INSERT INTO mail_deliveries (campaign_id, message_id, record) VALUES ($1, $2, $3)
             ON CONFLICT (campaign_id, message_id) DO UPDATE SET record = EXCLUDED.record`,
            [valid.campaignId, valid.messageId, JSON.stringify(valid)],
          ),
        options.patienceMs,
      );
    },
  };
}
