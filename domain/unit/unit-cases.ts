import { applyCaseEvent, type CaseOutcome } from '../cases/case-ledger';
import type { CaseEvent } from '../cases/case-events';
import type { CaseCommand } from '../cases/case-notices';
import type { Case, CaseLedger, CaseStatus } from '../cases/case-schema';
import { isOverdue, unreconciled } from '../cases/ledger-stats';
import { withTransferTarget } from './case-transfer';
import type { FilingPlan } from './ledger-filing';
import type { UnitState } from './unit-state';

/** The case rules as a unit's workflow applies them to its own ledger. */

/**
 * What a case event (a note, a transfer, an escalation, a closure…) does to this unit's ledger,
 * decided without changing anything. Filing goes through fileCases (ledger-filing.ts); once the
 * campaign has ended the ledger is closed.
 */
export function planCaseChange(state: UnitState, event: CaseEvent, nowMs: number): CaseChangePlan {
  if (state.ended) return refuse('campaign_ended', 'the campaign has ended; its ledger is closed');
  if (event.type === 'file') return refuse('use_file_cases', 'file cases with fileCases');
  // A unit's ledger names only the units it knew at its start; the receiver checks a transfer itself.
  const subject = event.type === 'transfer' ? withTransferTarget(state.ledger, event.toUnit) : state.ledger;
  const outcome = applyCaseEvent(subject, event, nowMs);
  return outcome.ok ? { ...outcome, event } : outcome;
}

/** An accepted change names its event, narrowed to the events that change a case already filed. */
export type CaseChangePlan =
  | (Extract<CaseOutcome, { ok: true }> & { event: Exclude<CaseEvent, { type: 'file' }> })
  | Extract<CaseOutcome, { ok: false }>;

const refuse = (code: string, message: string): CaseChangePlan => ({ ok: false, error: { code, message } });

/**
 * Applies an accepted filing plan (planFiling): a chunk is staged; filed cases join the ledger.
 * A committed import leaves nothing staged; a single filing leaves an import in progress alone.
 */
export function applyFilingPlan(
  state: UnitState,
  plan: Extract<FilingPlan, { ok: true }>,
  importId: string | undefined,
): { state: UnitState; commands: CaseCommand[] } {
  if (plan.kind === 'staged') return { state: { ...state, staged: plan.staged }, commands: [] };
  const staged = importId === undefined ? state.staged : undefined;
  return { state: { ...state, ledger: plan.outcome.ledger, staged }, commands: plan.outcome.commands };
}

export interface CaseFilter {
  status?: CaseStatus;
  /** Only cases neither closed nor given next steps (the tick-off list). */
  unreconciled?: boolean;
  /** Only open cases past their deadline. */
  overdue?: boolean;
  caseId?: string;
}

/** The cases a filter asks for, at plan time `nowMs`. */
export function filterCases(ledger: CaseLedger, filter: CaseFilter, nowMs: number): Case[] {
  let cases = filter.unreconciled ? unreconciled(ledger) : ledger.cases;
  if (filter.caseId !== undefined) cases = cases.filter((c) => c.id === filter.caseId);
  if (filter.status !== undefined) cases = cases.filter((c) => c.status === filter.status);
  if (filter.overdue) cases = cases.filter((c) => isOverdue(c, nowMs));
  return cases;
}
