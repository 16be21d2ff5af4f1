import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isNotFound, writeFileAtomic } from './atomic-file';

/**
 * One durable record per (notification, recipient), checked before anything is sent. Temporal
 * retries an activity after a transient failure; without this record a retry would mail every
 * recipient that had already been reached on the first attempt.
 */

export const DeliveryRecordSchema = z.object({
  messageId: z.string(),
  requestId: z.string(),
  campaignId: z.string(),
  email: z.string(),
  status: z.enum(['delivered', 'failed', 'outbox']),
  /** Wall-clock time the outcome was recorded. */
  recordedAt: z.string(),
  subject: z.string(),
  error: z.string().optional(),
  /** The .eml file, when the message went to the outbox. */
  file: z.string().optional(),
});
export type DeliveryRecord = z.infer<typeof DeliveryRecordSchema>;

export interface DeliveryLog {
  get(campaignId: string, messageId: string): Promise<DeliveryRecord | undefined>;
  put(record: DeliveryRecord): Promise<void>;
}

/** `<sha256(request id, email)@campaign>`: the same event to the same person always has the same Message-ID. */
export function messageIdFor(requestId: string, email: string): string {
  return `<${messageKey(requestId, email)}@campaign>`;
}

export function messageKey(requestId: string, email: string): string {
  return createHash('sha256').update(`${requestId}\n${email.trim().toLowerCase()}`).digest('hex');
}

/**
 * A campaign id as one safe path segment. Plan ids already are (letters, digits, ".", "_", "-");
 * anything else is hashed so no request can write outside the data folder.
 */
export function pathSegment(id: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id)
    ? id
    : `id-${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;
}

/** Files under `<dataDir>/deliveries/<campaignId>/<sha256>.json`, one per message. */
export function createFileDeliveryLog(options: { dataDir: string }): DeliveryLog {
  const fileFor = (campaignId: string, messageId: string): string =>
    path.join(options.dataDir, 'deliveries', pathSegment(campaignId), `${keyOf(messageId)}.json`);
  return {
    async get(campaignId, messageId) {
      let text: string;
      try {
        text = await readFile(fileFor(campaignId, messageId), 'utf8');
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
      return DeliveryRecordSchema.parse(JSON.parse(text));
    },
    async put(record) {
      await writeFileAtomic(fileFor(record.campaignId, record.messageId), JSON.stringify(record, null, 2) + '\n');
    },
  };
}

/** The hex hash inside `<hash@campaign>`; other ids are hashed again so they stay valid file names. */
function keyOf(messageId: string): string {
  const match = /^<([0-9a-f]{64})@campaign>$/.exec(messageId);
  return match?.[1] ?? createHash('sha256').update(messageId).digest('hex');
}
