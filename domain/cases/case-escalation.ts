import { postponeToWorkingDay } from '../calendar/working-days';
import { durationMs } from '../plan/duration';
import type { HolidayCalendar } from '../plan/schema';
import { caseLeadersAudience, caseRef, notify, type CaseAudience, type CaseCommand } from './case-notices';
import type { Case, CaseLadderStep, CaseLadderTarget, CaseLedger } from './case-schema';
import { DEFAULT_CASE_LADDER } from './ledger-context';

/**
 * The deadline ladder for cases (督办). Pure, so a workflow can set one timer for the earliest
 * pending step, then call `fireCaseEscalations` when it fires. Only open cases climb the ladder:
 * once a closure is submitted the unit has done its part and the office holds the case.
 */

export interface CaseEscalationStep {
  /** 1-based, as the notification contract counts escalation steps. */
  step: number;
  atMs: number;
  notify: CaseLadderTarget;
  label?: string;
  audience: CaseAudience[];
}

function audienceFor(c: Case, target: CaseLadderTarget): CaseAudience[] {
  if (target === 'unit-head') return ['unit-head'];
  if (target === 'case-leader') return caseLeadersAudience(c);
  return ['office'];
}

export function caseEscalationSchedule(
  c: Case,
  ladder: CaseLadderStep[] = DEFAULT_CASE_LADDER,
  quiet?: { calendar: HolidayCalendar; timeZone: string },
): CaseEscalationStep[] {
  // 节假日不催报: a step on a day off waits for the next working day; later steps never come first.
  const at = (ms: number) => (quiet ? postponeToWorkingDay(ms, quiet.timeZone, quiet.calendar) : ms);
  return ladder.map((s, i) => ({
    step: i + 1,
    atMs: at(c.dueAtMs + durationMs(s.after)),
    notify: s.notify,
    ...(s.label === undefined ? {} : { label: s.label }),
    audience: audienceFor(c, s.notify),
  }));
}

function quietOf(context: CaseLedger['context']): { calendar: HolidayCalendar; timeZone: string } | undefined {
  return context.quietCalendar ? { calendar: context.quietCalendar, timeZone: context.timeZone } : undefined;
}

/** When the workflow should next wake up for the ladder, or undefined when no open case is waiting. */
export function nextCaseEscalationMs(ledger: CaseLedger): number | undefined {
  let next: number | undefined;
  for (const c of ledger.cases) {
    if (c.status !== 'open') continue;
    const pending = caseEscalationSchedule(c, ledger.context.ladder, quietOf(ledger.context))[c.overdueStepsSent];
    if (pending && (next === undefined || pending.atMs < next)) next = pending.atMs;
  }
  return next;
}

/**
 * Sends every ladder step whose time has come. Steps missed while a worker was down are all sent:
 * unlike reminders, each step tells someone new, so none may be skipped.
 */
export function fireCaseEscalations(
  ledger: CaseLedger,
  nowMs: number,
): { ledger: CaseLedger; commands: CaseCommand[] } {
  const commands: CaseCommand[] = [];
  const cases = ledger.cases.map((c) => {
    if (c.status !== 'open') return c;
    // Steps go out in ladder order: a later step never overtakes an earlier one that is not yet due.
    const pending = caseEscalationSchedule(c, ledger.context.ladder, quietOf(ledger.context)).slice(c.overdueStepsSent);
    const firstNotDue = pending.findIndex((s) => s.atMs > nowMs);
    const due = firstNotDue === -1 ? pending : pending.slice(0, firstNotDue);
    if (due.length === 0) return c;
    const lateByMs = Math.max(0, nowMs - c.dueAtMs);
    for (const s of due) {
      const body = { kind: 'case_overdue' as const, ...caseRef(ledger.context, c), lateByMs, step: s.step };
      commands.push(notify(c, `overdue:${c.dueAtMs}:${s.step}`, nowMs, s.audience, body));
    }
    const history = due.map((s) => ({ atMs: nowMs, type: 'overdue', by: 'system', detail: s.label ?? s.notify }));
    return { ...c, overdueStepsSent: c.overdueStepsSent + due.length, history: [...c.history, ...history] };
  });
  return { ledger: commands.length === 0 ? ledger : { ...ledger, cases }, commands };
}
