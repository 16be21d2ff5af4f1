import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isNotFound, writeFileAtomic } from '../../activities/notify/atomic-file';
import { pathSegment } from '../../activities/notify/delivery-log';
import type { Outbox } from '../types';

/** `<outboxDir>/<campaign>/<baseName>.eml`, as the office has always found them; the location is the file's path. */
export function createFolderOutbox(options: { outboxDir: string }): Outbox {
  const root = path.resolve(options.outboxDir);
  return {
    async write(campaignId, baseName, eml) {
      const file = path.join(root, pathSegment(campaignId), `${pathSegment(baseName)}.eml`);
      await writeFileAtomic(file, eml);
      return file;
    },
    async read(location) {
      const file = path.resolve(location);
      // Only files this outbox wrote: a location is never a way to read elsewhere on the host.
      if (!file.startsWith(root + path.sep) || !file.endsWith('.eml')) return undefined;
      try {
        return await readFile(file);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
  };
}
