import { z } from 'zod';
import type { DeliveryLog } from '../activities/notify/delivery-log';
import type { NotificationLogEntry } from '../activities/notify/notification-log';
import type { ReportStore } from '../activities/reports/report-store';

/**
 * Everything a worker (or the service) keeps that must be the same on every host. Each interface is
 * a handful of calls, implemented twice: a local folder (one host, the default) and PostgreSQL
 * (`DATABASE_URL`, any number of hosts). Callers never learn which one they hold.
 */

export type { DeliveryLog, DeliveryRecord } from '../activities/notify/delivery-log';
export type { NotificationLogEntry } from '../activities/notify/notification-log';
export type { ReportMeta, ReportStat, ReportStore } from '../activities/reports/report-store';

/** Per campaign, who was told what and when: appended in order, read back in order. */
export interface NotificationLog {
  append(campaignId: string, entry: NotificationLogEntry): Promise<void>;
  read(campaignId: string): Promise<NotificationLogEntry[]>;
}

export const AuditEntrySchema = z.object({
  /** What it is about: a campaign id, or `service` for sign-ins and the like. */
  scope: z.string().min(1).max(200),
  /** Who did it, as the session names them (`unit:on-time-01`, `office`). */
  actor: z.string().min(1).max(200),
  action: z.string().min(1).max(100),
  /** Wall-clock time, ISO 8601. */
  at: z.string().max(40),
  detail: z.string().max(2_000).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Who did what, per scope, in the order it happened; never rewritten. */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  read(scope: string, query?: { last?: number }): Promise<AuditEntry[]>;
}

/** Mail composed but not sent (no SMTP server): one .eml per message, kept for the office. */
export interface Outbox {
  /** Stores the message under a stable name (a retry overwrites) and returns where it is. */
  write(campaignId: string, baseName: string, eml: Uint8Array): Promise<string>;
  /** The stored bytes of `location` as `write` returned it; undefined when unknown. */
  read(location: string): Promise<Buffer | undefined>;
}

export const IssuedCredentialSchema = z.object({
  /** The id the holder presents with a token or a signature. */
  id: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
  /** Whom it was issued to (`unit:on-time-01`, `office`). */
  holder: z.string().min(1).max(200),
  /** The public half only: a hash of a token, or a public key. The secret never leaves the holder. */
  publicHalf: z.string().min(1).max(4_000),
  issuedAt: z.string().max(40),
  revokedAt: z.string().max(40).optional(),
});
export type IssuedCredential = z.infer<typeof IssuedCredentialSchema>;

/** What is needed to check a credential on any host: its public half, and whether it was revoked. */
export interface CredentialStore {
  /** Records a new credential; an id that exists already is refused (returns false), never overwritten. */
  issue(credential: IssuedCredential): Promise<boolean>;
  get(id: string): Promise<IssuedCredential | undefined>;
  revoke(id: string, at: string): Promise<void>;
}

export interface Stores {
  /** `folder` (one host) or `postgres` (shared); for the worker's first log line. */
  readonly kind: 'folder' | 'postgres';
  readonly reports: ReportStore;
  readonly deliveries: DeliveryLog;
  readonly notifications: NotificationLog;
  readonly audit: AuditLog;
  readonly outbox: Outbox;
  readonly credentials: CredentialStore;
  /** Releases connections; the folder stores hold none. */
  close(): Promise<void>;
}
