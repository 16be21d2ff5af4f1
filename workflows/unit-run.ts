import { workflowInfo } from '@temporalio/workflow';
import type { AsOf, UnitWorkflowInput } from '../contracts';
import type { CaseCommand } from '../domain/cases/case-notices';
import { unitLedgerContext } from '../domain/cases/ledger-context';
import { planTimeAsOf } from '../domain/clock/as-of';
import { planNow } from '../domain/clock/plan-clock';
import type { UnitCommand, UnitOutcome } from '../domain/unit/unit-commands';
import { initialUnitState, type UnitState } from '../domain/unit/unit-state';
import { createNotifier, type Notifier, type NotifyCommand } from './notifier';
import { createUnitDesk } from './unit-desk';
import { caseNotification } from './unit-ledger';

/**
 * What every part of one unit run shares: the unit's state as the rules return it, the notices
 * they asked for and not yet sent, and whether the campaign has yet to hear of a change. The
 * handlers (unit-deliverables.ts, unit-ledger.ts) and the loop (unit-workflow.ts) use it.
 */
export interface UnitRun {
  input: UnitWorkflowInput;
  notifier: Notifier;
  /** How many hand-ins of notices the unit sealed (unit-desk.ts); carried across continue-as-new. */
  noticeSeq: () => number;
  state: () => UnitState;
  /** Keeps a deliverable rule's new state and queues its notices. */
  take: (outcome: UnitOutcome<UnitState>) => void;
  /** Keeps a new state the campaign need not hear of (alerts passed over while paused). */
  replace: (state: UnitState) => void;
  /** Keeps a case rule's new state and queues its notices. */
  applyCases: (state: UnitState, commands: CaseCommand[]) => void;
  /** The notices queued since the last call, in order. */
  takeNotices: () => NotifyCommand[];
  hasNotices: () => boolean;
  /** Whether the state changed since the campaign last heard; cleared by the caller that reports. */
  progressDirty: () => boolean;
  clearProgressDirty: () => void;
  /** Plan time now, and as of a caller's clock (see AsOf). */
  now: () => number;
  asOf: (asOf?: AsOf) => number;
}

export function createUnitRun(input: UnitWorkflowInput): UnitRun {
  const { context, clock, unit } = input;
  let state =
    input.carried?.state ?? initialUnitState(unit.id, unit.name, unitLedgerContext(input.ledgerContext, unit.id));
  // Every run reports once at its start: it may have been continued as new with a change unreported.
  let dirty = true;
  const pending: UnitCommand[] = [];
  const casePending: CaseCommand[] = [];
  const unitDesk = createUnitDesk(input);
  const notifier = createNotifier(context, workflowInfo().workflowId, unit, unitDesk.desk);
  // Mail still retrying when the last run's history was full goes on here.
  notifier.resume(input.carried?.mail);
  return {
    input,
    notifier,
    noticeSeq: unitDesk.seq,
    state: () => state,
    take: (outcome) => {
      state = outcome.state;
      pending.push(...outcome.commands);
      dirty = true;
    },
    replace: (next) => void (state = next),
    applyCases: (next, commands) => {
      state = next;
      casePending.push(...commands);
      dirty = true;
    },
    takeNotices: () => [...pending.splice(0), ...casePending.splice(0).map(caseNotification)],
    hasNotices: () => pending.length > 0 || casePending.length > 0,
    progressDirty: () => dirty,
    clearProgressDirty: () => void (dirty = false),
    now: () => planNow(clock, Date.now()),
    asOf: (asOf) => planTimeAsOf(clock, Date.now(), asOf),
  };
}
