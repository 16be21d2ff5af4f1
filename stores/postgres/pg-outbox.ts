import type pg from 'pg';
import type { Outbox } from '../types';

const LOCATION = /^outbox:([^/]+)\/([^/]+)\.eml$/;

/** Unsent mail as rows, readable from any host; a location reads `outbox:<campaign>/<name>.eml`. */
export function createPgOutbox(pool: pg.Pool): Outbox {
  return {
    async write(campaignId, baseName, eml) {
      await pool.query(
        `INSERT INTO outbox_messages (campaign_id, base_name, eml) VALUES ($1, $2, $3)
         ON CONFLICT (campaign_id, base_name) DO UPDATE SET eml = EXCLUDED.eml, written_at = now()`,
        [campaignId, baseName, Buffer.from(eml.buffer, eml.byteOffset, eml.byteLength)],
      );
      return `outbox:${encodeURIComponent(campaignId)}/${encodeURIComponent(baseName)}.eml`;
    },
    async read(location) {
      const match = LOCATION.exec(location);
      if (match?.[1] === undefined || match[2] === undefined) return undefined;
      const result = await pool.query<{ eml: Buffer }>(
        'SELECT eml FROM outbox_messages WHERE campaign_id = $1 AND base_name = $2',
        [decodeURIComponent(match[1]), decodeURIComponent(match[2])],
      );
      return result.rows[0]?.eml;
    },
  };
}
