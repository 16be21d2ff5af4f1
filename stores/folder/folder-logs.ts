import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { appendToFile, isNotFound } from '../../activities/notify/atomic-file';
import { pathSegment } from '../../activities/notify/delivery-log';
import { appendNotificationLog, readNotificationLog } from '../../activities/notify/notification-log';
import { AuditEntrySchema } from '../types';
import type { AuditEntry, AuditLog, NotificationLog } from '../types';

/** Today's JSON-lines notification log under `<dataDir>/notifications/`, behind the shared interface. */
export function createFolderNotificationLog(options: { dataDir: string }): NotificationLog {
  return {
    append: (campaignId, entry) => appendNotificationLog(campaignId, entry, options),
    read: (campaignId) => readNotificationLog(campaignId, options),
  };
}

/** `<dataDir>/audit/<scope>.jsonl`: one small append per entry, so a crash loses at most the last line. */
export function createFolderAuditLog(options: { dataDir: string }): AuditLog {
  const fileOf = (scope: string) => path.join(options.dataDir, 'audit', `${pathSegment(scope)}.jsonl`);
  return {
    async append(entry) {
      const valid = AuditEntrySchema.parse(entry);
      await appendToFile(fileOf(valid.scope), JSON.stringify(valid) + '\n');
    },
    async read(scope, query = {}) {
      let text: string;
      try {
        text = await readFile(fileOf(scope), 'utf8');
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
      const entries: AuditEntry[] = [];
      for (const line of text.split('\n')) {
        const parsed = AuditEntrySchema.safeParse(parseLine(line));
        // A torn last line (a crash mid-append) is skipped, as the notification log does.
        if (parsed.success && parsed.data.scope === scope) entries.push(parsed.data);
      }
      return query.last === undefined ? entries : entries.slice(Math.max(0, entries.length - query.last));
    },
  };
}

function parseLine(line: string): unknown {
  try {
    return line.trim() === '' ? undefined : JSON.parse(line);
  } catch {
    return undefined;
  }
}
