import { createHash, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import {
  credentialFileName,
  CredentialFileError,
  credentialsDir,
  readCredentialFile,
} from '../../client/access/credential-files';
import { credentialStoreId, publicHalfOf } from '../../client/access/credential-registry';
import type { IssuedCredential } from '../../client/access/issue-credentials';
import { FileRefusal } from '../../activities/files/bounded-file';
import { isNotFound } from '../../activities/notify/atomic-file';
import type { Principal } from '../../domain/access/principal';
import type { CredentialStore } from '../../stores';

/**
 * Checks a holder's credential (the file `campaign start` issued) against what the office issued:
 * the shared credential store when it holds the credential's public half (a hash of the token,
 * client/access/credential-registry.ts), else the campaign's credentials folder on this host. Hashes are compared in constant time, so
 * the answer's timing says nothing of how much of a guess was right.
 */

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function sameSecret(a: string, b: string): boolean {
  // Equal lengths by construction: both are hex digests.
  return timingSafeEqual(Buffer.from(sha256(a)), Buffer.from(sha256(b)));
}

export async function verifyCredential(
  presented: IssuedCredential,
  options: { store: CredentialStore; dataDir: string },
): Promise<boolean> {
  const stored = await options.store.get(credentialStoreId(presented));
  if (stored !== undefined) {
    if (stored.revokedAt !== undefined || stored.holder !== presented.principal) return false;
    return sameSecret(stored.publicHalf, publicHalfOf(presented.token));
  }
  const issued = readIssued(presented.campaignId, presented.principal, options.dataDir);
  return issued !== undefined && sameSecret(issued.token, presented.token);
}

function readIssued(campaignId: string, principal: Principal, dataDir: string): IssuedCredential | undefined {
  const file = path.join(credentialsDir(dataDir, campaignId), credentialFileName(principal));
  try {
    const issued = readCredentialFile(file);
    return issued.campaignId === campaignId && issued.principal === principal ? issued : undefined;
  } catch (error) {
    if (isNotFound(error) || isNotFound((error as { cause?: unknown }).cause)) return undefined;
    if (error instanceof FileRefusal || error instanceof CredentialFileError) return undefined;
    throw error;
  }
}
