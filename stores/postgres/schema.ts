import type pg from 'pg';

/**
 * The schema, as numbered steps applied once each and recorded in `campaign_migrations`. Every
 * process runs this at start under one advisory lock, so two hosts starting together neither race
 * nor fail; a step is never edited once released, a change is a new step.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS report_blobs (
     sha256 text PRIMARY KEY,
     name text NOT NULL,
     media_type text NOT NULL,
     size integer NOT NULL,
     content bytea NOT NULL,
     stored_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE IF NOT EXISTS mail_deliveries (
     campaign_id text NOT NULL,
     message_id text NOT NULL,
     record jsonb NOT NULL,
     PRIMARY KEY (campaign_id, message_id)
   );
   CREATE TABLE IF NOT EXISTS notification_log (
     seq bigserial PRIMARY KEY,
     campaign_id text NOT NULL,
     entry jsonb NOT NULL
   );
   CREATE INDEX IF NOT EXISTS notification_log_campaign ON notification_log (campaign_id, seq);
   CREATE TABLE IF NOT EXISTS audit_log (
     seq bigserial PRIMARY KEY,
     scope text NOT NULL,
     entry jsonb NOT NULL
   );
   CREATE INDEX IF NOT EXISTS audit_log_scope ON audit_log (scope, seq);
   CREATE TABLE IF NOT EXISTS outbox_messages (
     campaign_id text NOT NULL,
     base_name text NOT NULL,
     eml bytea NOT NULL,
     written_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (campaign_id, base_name)
   );
   CREATE TABLE IF NOT EXISTS issued_credentials (
     id text PRIMARY KEY,
     credential jsonb NOT NULL
   );`,
];

/** Any fixed number: it names this schema's lock among the database's other users (Temporal's own tables). */
const MIGRATION_LOCK = 0x63616d70; // "camp"

export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS campaign_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = await client.query<{ version: number }>('SELECT version FROM campaign_migrations');
    const applied = new Set(done.rows.map((row) => row.version));
    for (const [index, sql] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (applied.has(version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO campaign_migrations (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return MIGRATIONS.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
