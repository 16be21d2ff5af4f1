import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isNotFound, PRIVATE_FILE, PRIVATE_FOLDER, writeFileAtomic } from '../../activities/notify/atomic-file';
import { IssuedCredentialSchema } from '../types';
import type { CredentialStore, IssuedCredential } from '../types';

/** `<dataDir>/credentials/<sha256(id)>.json`, one file per credential, created exclusively. */
export function createFolderCredentialStore(options: { dataDir: string }): CredentialStore {
  const folder = path.join(options.dataDir, 'credentials');
  const fileOf = (id: string) => path.join(folder, `${createHash('sha256').update(id).digest('hex')}.json`);

  async function get(id: string): Promise<IssuedCredential | undefined> {
    let text: string;
    try {
      text = await readFile(fileOf(id), 'utf8');
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    return IssuedCredentialSchema.parse(JSON.parse(text));
  }

  return {
    async issue(credential) {
      const valid = IssuedCredentialSchema.parse(credential);
      await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER });
      try {
        // `wx`: two processes issuing the same id at once must not both believe they did.
        await writeFile(fileOf(valid.id), JSON.stringify(valid) + '\n', { mode: PRIVATE_FILE, flag: 'wx' });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      }
    },
    get,
    async revoke(id, at) {
      const current = await get(id);
      if (current === undefined || current.revokedAt !== undefined) return;
      await writeFileAtomic(fileOf(id), JSON.stringify({ ...current, revokedAt: at }) + '\n');
    },
  };
}
