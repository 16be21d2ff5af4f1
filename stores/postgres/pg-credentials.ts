import type pg from 'pg';
import { IssuedCredentialSchema } from '../types';
import type { CredentialStore } from '../types';

/** Public halves of issued credentials, so any host can check a holder and see a revocation at once. */
export function createPgCredentialStore(pool: pg.Pool): CredentialStore {
  return {
    async issue(credential) {
      const valid = IssuedCredentialSchema.parse(credential);
      const result = await pool.query(
        'INSERT INTO issued_credentials (id, credential) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
        [valid.id, JSON.stringify(valid)],
      );
      return result.rowCount === 1;
    },
    async get(id) {
      const result = await pool.query<{ credential: unknown }>(
        'SELECT credential FROM issued_credentials WHERE id = $1',
        [id],
      );
      const row = result.rows[0];
      return row === undefined ? undefined : IssuedCredentialSchema.parse(row.credential);
    },
    async revoke(id, at) {
      // Only the first revocation's time stays, as in the folder store.
      await pool.query(
        `UPDATE issued_credentials SET credential = jsonb_set(credential, '{revokedAt}', to_jsonb($2::text))
         WHERE id = $1 AND NOT credential ? 'revokedAt'`,
        [id, at],
      );
    },
  };
}
