import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { decodeUtf8, FILE_LIMITS, FileRefusal, readBoundedFileSync } from '../../activities/files/bounded-file';
import { PrincipalSchema, type Principal } from '../../domain/access/principal';
import { IdSchema } from '../../domain/plan/schema';
import type { IssuedCredential } from './issue-credentials';

/**
 * A credential file, one per holder: what the office hands to a unit or a leader. Written readable
 * by its owner only. The CLI finds them in the campaign's credentials folder, or takes one with
 * `--credential FILE` / `$CAMPAIGN_CREDENTIAL`.
 */
export const CredentialFileSchema = z.object({
  campaignId: IdSchema,
  principal: PrincipalSchema,
  token: z.string().min(32, 'the token is too short to be one this system issued'),
});

export const credentialFileName = (principal: Principal): string => `${principal.replace(':', '-')}.credential.json`;

export function credentialsDir(dataDir: string, campaignId: string): string {
  return path.join(dataDir, 'credentials', campaignId);
}

export function writeCredentialFiles(dir: string, credentials: IssuedCredential[]): string[] {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return credentials.map((c) => {
    const file = path.join(dir, credentialFileName(c.principal));
    fs.writeFileSync(file, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
    return file;
  });
}

export class CredentialFileError extends Error {
  override name = 'CredentialFileError';
}

/**
 * A credential file is named by whoever runs the CLI (--credential, $CAMPAIGN_CREDENTIAL): like every
 * file the project reads, it must be a regular file under a bound (a FIFO would hang, /dev/zero never end).
 */
export function readCredentialFile(file: string): IssuedCredential {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeUtf8(readBoundedFileSync(file, FILE_LIMITS.credential), file));
  } catch (error) {
    if (error instanceof FileRefusal) throw error;
    throw new CredentialFileError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = CredentialFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CredentialFileError(`${file}: ${issue?.path.join('.') ?? 'file'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Every credential file in a folder; a folder that does not exist holds none. */
export function readCredentialDir(dir: string): IssuedCredential[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.credential.json'))
    .sort()
    .map((name) => readCredentialFile(path.join(dir, name)));
}
