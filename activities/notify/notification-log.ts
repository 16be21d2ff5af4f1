import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { appendToFile, isNotFound } from './atomic-file';
import { pathSegment } from './delivery-log';

/**
 * Per campaign, who was told what and when, and whether it arrived: what the office reads when a
 * unit says "nobody told us". JSON lines, appended; a line is written in one small append, so a
 * crash loses at most the last line, which the reader skips.
 */

export const NotificationLogEntrySchema = z.object({
  requestId: z.string(),
  kind: z.string(),
  /** Plan time of the event (simulated in a rehearsal). */
  at: z.string(),
  /** Wall-clock time of the delivery attempt. */
  sentAt: z.string(),
  rehearsal: z.boolean(),
  name: z.string(),
  email: z.string(),
  role: z.string().optional(),
  subject: z.string(),
  /** `deferred`: a transient failure; the activity is retried and a later line says what happened. */
  status: z.enum(['delivered', 'failed', 'outbox', 'deferred']),
  messageId: z.string(),
  error: z.string().optional(),
  file: z.string().optional(),
});
export type NotificationLogEntry = z.infer<typeof NotificationLogEntrySchema>;

export interface NotificationLogOptions {
  dataDir: string;
}

function logFile(campaignId: string, options: NotificationLogOptions): string {
  return path.join(options.dataDir, 'notifications', `${pathSegment(campaignId)}.jsonl`);
}

export async function appendNotificationLog(
  campaignId: string,
  entry: NotificationLogEntry,
  options: NotificationLogOptions,
): Promise<void> {
  const file = logFile(campaignId, options);
  await appendToFile(file, JSON.stringify(entry) + '\n');
}

/** Entries in the order they were written; an empty list for a campaign that has sent nothing. */
export async function readNotificationLog(
  campaignId: string,
  options: NotificationLogOptions,
): Promise<NotificationLogEntry[]> {
  let text: string;
  try {
    text = await readFile(logFile(campaignId, options), 'utf8');
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const entries: NotificationLogEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = NotificationLogEntrySchema.safeParse(safeJson(line));
    if (parsed.success) entries.push(parsed.data);
  }
  return entries;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/**
 * The activity behind the `notifications` query and CLI command: a workflow cannot read files
 * itself. `last` keeps the answer well under Temporal's 2 MB payload limit for a long campaign.
 */
export function createNotificationLogActivities(
  options: NotificationLogOptions & {
    /** The shared log (stores/), when the worker has one; else the data folder's files. */
    log?: { read(campaignId: string): Promise<NotificationLogEntry[]> } | undefined;
  },
) {
  async function getNotificationLog(
    campaignId: string,
    query: { last?: number } = {},
  ): Promise<NotificationLogEntry[]> {
    const entries = await (options.log?.read(campaignId) ?? readNotificationLog(campaignId, options));
    return query.last === undefined ? entries : entries.slice(Math.max(0, entries.length - query.last));
  }
  return { getNotificationLog };
}
