import type pg from 'pg';
import { parseRef, ReportNotFoundError, sha256Hex } from '../../activities/reports/report-store';
import type { ReportStore } from '../types';

/**
 * Report files as bytea rows keyed by their sha256: every host reads what any host stored, with
 * no shared mount to configure. Files are capped at 20 MB (report-limits.ts), well inside bytea's
 * 1 GB, and one database is one thing to back up. The first put's name and type stay, as in the folder.
 */
export function createPgReportStore(pool: pg.Pool): ReportStore {
  return {
    async put(bytes, meta) {
      const hex = sha256Hex(bytes);
      await pool.query(
        `INSERT INTO report_blobs (sha256, name, media_type, size, content) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (sha256) DO NOTHING`,
        [
          hex,
          meta.name,
          meta.mediaType,
          bytes.byteLength,
          Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        ],
      );
      return `sha256:${hex}`;
    },
    async get(ref) {
      const result = await pool.query<{ content: Buffer }>('SELECT content FROM report_blobs WHERE sha256 = $1', [
        parseRef(ref),
      ]);
      const row = result.rows[0];
      if (row === undefined) throw new ReportNotFoundError(ref);
      return row.content;
    },
    async has(ref) {
      const result = await pool.query('SELECT 1 FROM report_blobs WHERE sha256 = $1', [parseRef(ref)]);
      return result.rowCount === 1;
    },
    async stat(ref) {
      const hex = parseRef(ref);
      const result = await pool.query<{ name: string; media_type: string; size: number }>(
        'SELECT name, media_type, size FROM report_blobs WHERE sha256 = $1',
        [hex],
      );
      const row = result.rows[0];
      return row === undefined
        ? undefined
        : { ref, sha256: hex, name: row.name, mediaType: row.media_type, size: row.size };
    },
  };
}
