import { z } from 'zod';

/**
 * The campaign's audit log of refused attempts to act: who (as far as the credential says), what,
 * where, and why it was refused. Kept bounded: the most recent entries and an exact count.
 */
export const AuditEntrySchema = z.object({
  atMs: z.number(),
  /** `campaign` or the unit whose workflow refused. */
  workflow: z.string().max(100),
  action: z.string().max(100),
  principal: z.string().max(100).optional(),
  /** The `by` the caller claimed, which may differ from the credential's principal. */
  claimedBy: z.string().max(200).optional(),
  code: z.string().max(100),
  reason: z.string().max(500),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export interface AuditLog {
  entries: AuditEntry[];
  total: number;
}

export const AUDIT_ENTRIES_KEPT = 500;

export const emptyAuditLog = (): AuditLog => ({ entries: [], total: 0 });

export function appendAudit(log: AuditLog, entries: AuditEntry[]): AuditLog {
  return { entries: [...log.entries, ...entries].slice(-AUDIT_ENTRIES_KEPT), total: log.total + entries.length };
}
