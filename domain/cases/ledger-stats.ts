import { PRIORITY_FLAGS, type Case, type CaseLedger, type PriorityFlag } from './case-schema';

/**
 * Ledger statistics for leaders' queries and the summary phase.
 *
 * Decisions, so every report counts the same way:
 *  - `open` is every case not yet closed (销号), including those waiting for the office to accept a
 *    closure; `awaitingAcceptance` counts those separately. `open + closed = filed`.
 *  - A case is overdue when it is still open (not awaiting acceptance) and its deadline has passed
 *    at `nowMs`: once a unit submits a closure, the wait is the office's, not the unit's.
 *  - 办结率 (closure rate) is closed / filed as a fraction 0..1. With nothing filed it is `null`:
 *    neither 0% (which would shame a unit with no cases) nor 100% (which would hide a unit that
 *    filed nothing when it should have); displays show "—".
 */

export interface CaseCounts {
  filed: number;
  open: number;
  awaitingAcceptance: number;
  closed: number;
  overdue: number;
  closureRate: number | null;
}

export interface LedgerStats {
  asOfMs: number;
  overall: CaseCounts;
  /** Every unit of the plan appears, even with nothing filed. */
  byUnit: Record<string, CaseCounts>;
  byCategory: Record<string, CaseCounts>;
  /** A case with several flags counts under each of them. */
  byPriority: Record<PriorityFlag, CaseCounts>;
}

export function isOverdue(c: Case, nowMs: number): boolean {
  return c.status === 'open' && c.dueAtMs < nowMs;
}

function emptyCounts(): CaseCounts {
  return { filed: 0, open: 0, awaitingAcceptance: 0, closed: 0, overdue: 0, closureRate: null };
}

function count(counts: CaseCounts, c: Case, nowMs: number): void {
  counts.filed += 1;
  if (c.status === 'closed') counts.closed += 1;
  else counts.open += 1;
  if (c.status === 'closure-submitted') counts.awaitingAcceptance += 1;
  if (isOverdue(c, nowMs)) counts.overdue += 1;
  counts.closureRate = counts.closed / counts.filed;
}

function bucket<K extends string>(table: Record<K, CaseCounts>, key: K): CaseCounts {
  table[key] ??= emptyCounts();
  return table[key];
}

/** Counts cases as of `nowMs`: overall, per unit, per category and per priority flag. */
export function ledgerStats(ledger: CaseLedger, nowMs: number): LedgerStats {
  const byUnit: Record<string, CaseCounts> = {};
  const byCategory: Record<string, CaseCounts> = {};
  const byPriority = {} as Record<PriorityFlag, CaseCounts>;
  for (const u of ledger.context.units) byUnit[u.id] = emptyCounts();
  for (const k of ledger.context.categories) byCategory[k.id] = emptyCounts();
  for (const flag of PRIORITY_FLAGS) byPriority[flag] = emptyCounts();
  const overall = emptyCounts();
  for (const c of ledger.cases) {
    count(overall, c, nowMs);
    count(bucket(byUnit, c.owningUnit), c, nowMs);
    count(bucket(byCategory, c.category), c, nowMs);
    for (const flag of new Set(c.priority)) count(bucket(byPriority, flag), c, nowMs);
  }
  return { asOfMs: nowMs, overall, byUnit, byCategory, byPriority };
}

/**
 * 逐件对账销号: cases neither closed nor carrying next-step measures (下一步工作措施). The summary
 * phase may not be approved while this list is not empty; nothing may be left unaccounted for.
 */
export function unreconciled(ledger: CaseLedger): Case[] {
  return ledger.cases.filter((c) => c.status !== 'closed' && c.nextSteps === undefined);
}

/** Open cases past their deadline at `nowMs`, most overdue first — "who is late" for leaders. */
export function overdueCases(ledger: CaseLedger, nowMs: number): Case[] {
  return ledger.cases.filter((c) => isOverdue(c, nowMs)).sort((a, b) => a.dueAtMs - b.dueAtMs);
}
