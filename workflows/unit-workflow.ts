import { allHandlersFinished, condition, continueAsNew, log, workflowInfo } from '@temporalio/workflow';
import type { UnitWorkflowInput } from '../contracts';
import { fireCaseEscalations, nextCaseEscalationMs } from '../domain/cases/case-escalation';
import { realDelayUntil } from '../domain/clock/plan-clock';
import { fireDueAlerts, nextAlertMs } from '../domain/unit/fire-alerts';
import type { UnitState } from '../domain/unit/unit-state';
import { createAlarm, type Alarm } from './alarm';
import { installUnitAccess, type UnitAccess } from './unit-access';
import { finalResult, nextRun, withCarry } from './unit-carry';
import { installDeliverableHandlers } from './unit-deliverables';
import { installLedgerHandlers } from './unit-ledger';
import { createUnitReporter, type UnitReporter } from './unit-reporting';
import { createUnitRun, type UnitRun } from './unit-run';
import { createSearchAttributes } from './search-attributes';
import { clearSummary } from '../contracts/clear-summary';
import { wakeSummary } from '../domain/plan/operator-summaries';
import { unitSearchValues } from '../domain/campaign/search-values';
import { unitProgress } from '../domain/unit/unit-progress';

/**
 * One workflow per unit owns that unit's deliverables: its submissions, reminders and escalation
 * ladder, and its cases. Spreading units over their own workflows keeps every history small and
 * lets a thousand units submit at once without meeting the per-workflow limit on updates in flight.
 * Every rule is in domain/unit and domain/cases: this function turns their commands into timers,
 * mail and signals to the campaign.
 */
export async function unitWorkflow(input: UnitWorkflowInput, packed?: Uint8Array): Promise<UnitState> {
  const run = createUnitRun(withCarry(input, packed));
  const access = installUnitAccess(run);
  installDeliverableHandlers(run, access.gate, access.inbox);
  installLedgerHandlers({
    unit: input.unit,
    gate: access.gate,
    campaignId: input.context.campaignId,
    state: run.state,
    apply: run.applyCases,
    now: run.now,
    asOf: run.asOf,
  });
  const reporter = createUnitReporter(run, access);
  const alarm = createAlarm();
  // Set once a carry would not fit one payload: the run then stays on its history (see unit-carry.ts).
  let carries = true;
  const attributes = createSearchAttributes(input.searchAttributes, {
    kind: 'unit',
    campaignId: input.context.campaignId,
    unitId: input.unit.id,
    rehearsal: input.context.rehearsal,
  });
  for (;;) {
    fireDue(run);
    if (run.hasNotices()) run.notifier.dispatchAll(run.takeNotices());
    await reporter.report();
    attributes(unitSearchValues(unitProgress(run.state(), run.now(), 0), run.state().ended));
    if (run.state().ended && !run.hasNotices()) break;
    if (carries && workflowInfo().continueAsNewSuggested) carries = await continueAsNewWhenIdle(run, access, reporter);
    else await sleepUntilNextWake(run, access, alarm);
  }
  await condition(() => allHandlersFinished() && run.notifier.inflight() === 0);
  return finalResult(run.state());
}

/** Reminders and the escalation ladder due by now, and each case's overdue ladder. */
function fireDue(run: UnitRun): void {
  const fired = fireDueAlerts(run.state(), run.now());
  if (fired.commands.length > 0) run.take(fired);
  else run.replace(fired.state);
  // The case ladder climbs even while reminders are paused: a pause is about deliverables.
  const ladder = fireCaseEscalations(run.state().ledger, run.now());
  if (ladder.commands.length > 0) run.applyCases({ ...run.state(), ledger: ladder.ledger }, ladder.commands);
}

/** Sleeps until the next alert or case deadline, or until a message leaves something to do. */
async function sleepUntilNextWake(run: UnitRun, access: UnitAccess, alarm: Alarm): Promise<void> {
  const state = run.state();
  const next = earliest(nextAlertMs(state), nextCaseEscalationMs(state.ledger));
  const wake = () => run.hasNotices() || access.refusals.length > 0 || run.progressDirty() || run.state().ended;
  // A timer of 0 ms is no timer at all; an alert already due is handled on the next pass.
  const delayMs = next === undefined ? 0 : Math.max(1, realDelayUntil(run.input.clock, Date.now(), next));
  const { locale, timeZone } = run.input.context;
  alarm.set(next, delayMs, next === undefined ? undefined : clearSummary(wakeSummary(locale, next, timeZone, 'unit')));
  await condition(() => wake() || alarm.rang());
}

/**
 * Continues as new once no handler and no work but mail is in flight, carrying the state, the
 * credentials and the mail still retrying, packed. A message taken while waiting has work to finish
 * first: then it returns true, and the loop continues as new on a later pass. It returns false when
 * the packed carry would not fit one payload: asking the server anyway would fail the run, so the
 * run goes on with its history (which holds up to 50 MB) and says so in the worker's log.
 */
async function continueAsNewWhenIdle(run: UnitRun, access: UnitAccess, reporter: UnitReporter): Promise<boolean> {
  await condition(() => allHandlersFinished() && run.notifier.inflightBesidesMail() === 0);
  if (run.hasNotices() || run.progressDirty()) return true;
  const next = nextRun(
    { ...run.input, access: access.registry() },
    {
      state: run.state(),
      progressVersion: reporter.progressVersion(),
      mail: run.notifier.carry(),
      seals: { marks: access.inbox.marks(), auditSeq: reporter.auditSeq(), noticeSeq: run.noticeSeq() },
    },
  );
  if (!next.fits) {
    log.warn('unit state too big to continue as new; staying on this run', { bytes: next.bytes });
    return false;
  }
  return await continueAsNew<typeof unitWorkflow>(next.input, next.packed);
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}
