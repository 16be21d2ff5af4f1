import { z } from 'zod';
import type { Case, CaseLedger } from '../cases/case-schema';
import { isOverdue as isCaseOverdue, unreconciled } from '../cases/ledger-stats';
import type { AttachmentRef } from '../reports/report-schema';
import { recordedLateByMs } from './lateness';
import { EscalationEntrySchema, type Obligation, type UnitState } from './unit-state';

/**
 * The compact view a unit reports up to its campaign. It is small on purpose: the campaign
 * workflow keeps one per unit, and with thousands of units its whole state must still fit in one
 * continue-as-new payload. Detail stays in the unit workflow and is read by querying it.
 */
export const PhaseCountsSchema = z.object({
  owed: z.number(),
  onTime: z.number(),
  late: z.number(),
  open: z.number(),
  overdue: z.number(),
  missing: z.number(),
});
export type PhaseCounts = z.infer<typeof PhaseCountsSchema>;

export const OverdueItemSchema = z.object({
  key: z.string(),
  title: z.string(),
  phaseId: z.string(),
  dueMs: z.number(),
  step: z.number(),
});
export type OverdueItem = z.infer<typeof OverdueItemSchema>;

/** Case counts of one unit, or of one category in it. */
export const LedgerCountsSchema = z.object({
  filed: z.number(),
  open: z.number(),
  closed: z.number(),
  overdue: z.number(),
});
export type LedgerCounts = z.infer<typeof LedgerCountsSchema>;

/** A unit's case counts, plus the cases that would block the final tick-off (逐件对账销号). */
export const LedgerProgressSchema = LedgerCountsSchema.extend({
  byCategory: z.record(z.string(), LedgerCountsSchema),
  /** The first few only, to keep the campaign's per-unit record small; the count is exact. */
  unreconciled: z.array(z.object({ caseId: z.string(), title: z.string() })),
  unreconciledCount: z.number(),
});
export type LedgerProgress = z.infer<typeof LedgerProgressSchema>;

/**
 * What a unit reports by signal and the campaign takes only as this schema describes it: units
 * send it, but anyone who can reach the server can signal.
 */
export const UnitProgressSchema = z.object({
  unitId: z.string(),
  /** Increases with every report, so the campaign can ignore one that arrives late. */
  version: z.number(),
  phases: z.record(z.string(), PhaseCountsSchema),
  overdue: z.array(OverdueItemSchema),
  marks: z.number(),
  escalations: z.array(EscalationEntrySchema),
  /** Absent only in reports from unit workflows started before units kept a ledger. */
  ledger: LedgerProgressSchema.optional(),
});
export type UnitProgress = z.infer<typeof UnitProgressSchema>;

const ESCALATIONS_REPORTED = 20;
/** How many blocking cases a refused final approval names; the count it gives is always exact. */
export const UNRECONCILED_LISTED = 20;
const UNRECONCILED_PER_UNIT_MIN = 3;

/**
 * How many blocking cases each unit names in its report: together they fill the refusal's list,
 * however the cases are spread. A school of one unit names 20; a province of 1,000 units names 3
 * each, which keeps the campaign's record of every unit (carried across continue-as-new) small.
 */
export function unreconciledReported(units: number): number {
  return Math.max(UNRECONCILED_PER_UNIT_MIN, Math.ceil(UNRECONCILED_LISTED / Math.max(1, units)));
}

function countCase(counts: LedgerCounts, c: Case, nowMs: number): void {
  counts.filed += 1;
  if (c.status === 'closed') counts.closed += 1;
  else counts.open += 1;
  if (isCaseOverdue(c, nowMs)) counts.overdue += 1;
}

/** Units started before the ledger (first-generation workflows, still replayed) have no roster in their context. */
function rosterSize(ledger: CaseLedger): number {
  return (ledger.context.units as CaseLedger['context']['units'] | undefined)?.length ?? 0;
}

/**
 * Cases on their way to another unit are counted here until the other unit confirms them, so a
 * transfer in flight can never make a case vanish from the tick-off.
 */
export function ledgerProgress(ledger: CaseLedger, nowMs: number, inTransit: Case[] = []): LedgerProgress {
  const cases = [...ledger.cases, ...inTransit];
  const pending = unreconciled({ ...ledger, cases });
  const totals: LedgerCounts = { filed: 0, open: 0, closed: 0, overdue: 0 };
  const byCategory: Record<string, LedgerCounts> = {};
  for (const c of cases) {
    countCase(totals, c, nowMs);
    countCase((byCategory[c.category] ??= { filed: 0, open: 0, closed: 0, overdue: 0 }), c, nowMs);
  }
  return {
    ...totals,
    byCategory,
    unreconciled: pending
      .slice(0, unreconciledReported(rosterSize(ledger)))
      .map((c) => ({ caseId: c.id, title: c.title })),
    unreconciledCount: pending.length,
  };
}

export function emptyCounts(): PhaseCounts {
  return { owed: 0, onTime: 0, late: 0, open: 0, overdue: 0, missing: 0 };
}

export function isOverdue(o: Obligation, nowMs: number): boolean {
  return o.state === 'open' && nowMs > o.dueMs;
}

/**
 * The version of a unit's next progress report: above the last one, and never below the workflow's
 * clock. A unit reset to an earlier point (`campaign repair`) counts on from the version it had
 * there, below what its abandoned branch already sent; taken from the clock, its next report is
 * still the newest the campaign has seen, and the campaign takes it instead of ignoring it as late.
 */
export function nextProgressVersion(lastVersion: number, clockMs: number): number {
  return Math.max(lastVersion + 1, Math.floor(clockMs));
}

export function unitProgress(state: UnitState, nowMs: number, version: number): UnitProgress {
  const phases: Record<string, PhaseCounts> = {};
  const overdue: OverdueItem[] = [];
  for (const o of state.obligations) {
    const counts = (phases[o.phaseId] ??= emptyCounts());
    counts.owed += 1;
    if (o.state === 'submitted') {
      if (recordedLateByMs(o) > 0) counts.late += 1;
      else counts.onTime += 1;
    } else if (o.state === 'missing') counts.missing += 1;
    else {
      counts.open += 1;
      if (isOverdue(o, nowMs)) {
        counts.overdue += 1;
        overdue.push({ key: o.key, title: o.title, phaseId: o.phaseId, dueMs: o.dueMs, step: o.escalationStep });
      }
    }
  }
  return {
    unitId: state.unitId,
    version,
    phases,
    overdue,
    marks: state.marks.length,
    escalations: state.escalations.slice(-ESCALATIONS_REPORTED),
    ledger: ledgerProgress(
      state.ledger,
      nowMs,
      state.inTransit.map((t) => t.case),
    ),
  };
}

/** One row of the per-unit table leaders and units see. */
export interface ObligationRow {
  key: string;
  phaseId: string;
  phaseName: string;
  deliverableId: string;
  title: string;
  kind: string;
  state: 'open' | 'overdue' | 'on-time' | 'late' | 'missing';
  dueMs: number;
  submittedAtMs?: number;
  lateByMs?: number;
  remindersSent: number;
  escalationStep: number;
  returns: number;
  extensions: number;
  /** The files of the report as it stands (references into the shared report store), when it has any. */
  attachments?: AttachmentRef[];
}

export function obligationRows(state: UnitState, nowMs: number): ObligationRow[] {
  return state.obligations.map((o) => ({
    key: o.key,
    phaseId: o.phaseId,
    phaseName: o.phaseName,
    deliverableId: o.deliverableId,
    title: o.title,
    kind: o.kind,
    state:
      o.state === 'submitted'
        ? recordedLateByMs(o) > 0
          ? 'late'
          : 'on-time'
        : o.state === 'missing'
          ? 'missing'
          : isOverdue(o, nowMs)
            ? 'overdue'
            : 'open',
    dueMs: o.dueMs,
    submittedAtMs: o.submission?.atMs,
    lateByMs: o.submission ? recordedLateByMs(o) : isOverdue(o, nowMs) ? nowMs - o.dueMs : undefined,
    remindersSent: o.remindersSent,
    escalationStep: o.escalationStep,
    returns: o.returnedSubmissions.length,
    extensions: o.extensions.length,
    ...(o.submission?.report.attachments?.length ? { attachments: o.submission.report.attachments } : {}),
  }));
}
