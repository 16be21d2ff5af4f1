import { createHash } from 'node:crypto';
import { loadMailConfig } from '../../config/mail-config';
import { loadStoreConfig, openStores, type CredentialStore } from '../../stores';
import type { IssuedCredential } from './issue-credentials';

/**
 * The public half of every credential the office issues, recorded in the shared credential store,
 * so the campaign service checks a sign-in on any host (with DATABASE_URL, PostgreSQL) without
 * the credentials folder. The record's id is derived from the campaign, the holder and the token:
 * only a holder can name it, and a new credential for the same holder gets a record of its own.
 */

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const credentialStoreId = (c: IssuedCredential): string =>
  `cred:${sha256(`${c.campaignId}\n${c.principal}\n${c.token}`).slice(0, 48)}`;

export const publicHalfOf = (token: string): string => `sha256:${sha256(token)}`;

export async function recordCredentials(
  store: CredentialStore,
  credentials: readonly IssuedCredential[],
  nowMs: number,
): Promise<void> {
  const issuedAt = new Date(nowMs).toISOString();
  for (const c of credentials) {
    await store.issue({ id: credentialStoreId(c), holder: c.principal, publicHalf: publicHalfOf(c.token), issuedAt });
  }
}

/** For the CLI: opens the stores the environment names, records, closes. */
export async function recordIssuedCredentials(
  env: NodeJS.ProcessEnv,
  credentials: readonly IssuedCredential[],
): Promise<void> {
  const stores = await openStores(loadStoreConfig(env, loadMailConfig(env)));
  try {
    await recordCredentials(stores.credentials, credentials, Date.now());
  } finally {
    await stores.close();
  }
}
