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
  /**
   * This entry stands for so many refusals past the per-run bound of described entries: counted,
   * not described, so that a flood never makes the log understate.
   */
  dropped: z.number().int().min(1).max(1_000_000).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export interface AuditLog {
  entries: AuditEntry[];
  /** Every refused attempt, the dropped ones included. */
  total: number;
  /** Refused attempts past the per-run bound: counted in `total`, without an entry. */
  dropped: number;
}

export const AUDIT_ENTRIES_KEPT = 500;

export const emptyAuditLog = (): AuditLog => ({ entries: [], total: 0, dropped: 0 });

export function appendAudit(log: AuditLog, entries: AuditEntry[]): AuditLog {
  const described = entries.filter((e) => e.dropped === undefined);
  const dropped = entries.reduce((sum, e) => sum + (e.dropped ?? 0), 0);
  return {
    entries: [...log.entries, ...described].slice(-AUDIT_ENTRIES_KEPT),
    total: log.total + described.length + dropped,
    // A log carried from a run before `dropped` existed has none.
    dropped: (log.dropped ?? 0) + dropped,
  };
}

/**
 * Adds a refusal to a batch on its way to the campaign; consecutive dropped ones merge into one
 * entry, so a flood travels as a count, not as thousands of entries.
 */
export function queueAudit(queue: AuditEntry[], entry: AuditEntry): void {
  const last = queue[queue.length - 1];
  if (entry.dropped !== undefined && last?.dropped !== undefined) last.dropped += entry.dropped;
  else queue.push({ ...entry });
}
