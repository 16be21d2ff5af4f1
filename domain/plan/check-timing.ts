import { addDays } from '../calendar/local-time';
import { DAY_MS } from '../clock/time-units';
import { durationMs } from './duration';
import { resolvePhaseWindows, type PhaseDates } from './phase-windows';
import { planError, planWarning, type IssuePath, type PlanIssue } from './plan-issue';
import type { LoosePlan } from './salvage-plan';
import type { Due, EscalationStep, Recurrence, Reminder } from './schema';

/**
 * Rules about when things happen inside a phase: due dates, recurrences, reminders and the
 * escalation ladder. Most are warnings, because a plan may mean them; an escalation ladder out of
 * order or a recurrence that never advances would break the schedule, so those are errors.
 */

function wholeDays(duration: string): number {
  return Math.floor(durationMs(duration) / DAY_MS);
}

/** The date a deliverable is due; `{after}` counts from the phase's first day. */
export function dueDate(due: Due, phase: PhaseDates): string {
  if (typeof due === 'string') return due;
  if ('date' in due) return due.date;
  return addDays(phase.start, wholeDays(due.after));
}

/** `campaign`: its first day, and the last day a report may fall due after its phase without a warning. */
function checkDue(
  due: Due,
  phase: PhaseDates,
  campaign: { start?: string; summaryUntil?: string },
  path: IssuePath,
): PlanIssue[] {
  const date = dueDate(due, phase);
  const campaignStart = campaign.start;
  if (campaignStart !== undefined && date < campaignStart) {
    // Nobody can be asked for a report before the campaign exists: that date is a typo (a wrong year or month).
    const message = `due on ${date}, before the campaign starts on ${campaignStart}: no unit could ever meet it`;
    return [planError('due_before_campaign_start', [...path, 'due'], message)];
  }
  // The final summary may fall after the last phase, inside the campaign's window (活动时间).
  if (date > phase.end && !(campaign.summaryUntil !== undefined && date <= campaign.summaryUntil)) {
    const message = `due on ${date}, after the phase ends on ${phase.end}: the report is still owed once the phase is over`;
    return [planWarning('due_after_phase_end', [...path, 'due'], message)];
  }
  if (date < phase.start) {
    const message = `due on ${date}, before the phase starts on ${phase.start}: units are asked for it before the phase begins`;
    return [planWarning('due_before_phase_start', [...path, 'due'], message)];
  }
  return [];
}

function firstOccurrence(recurrence: Recurrence, phase: PhaseDates): string | undefined {
  if ('every' in recurrence) return addDays(phase.start, wholeDays(recurrence.first ?? recurrence.every));
  // The first day numbered monthlyOnDay on or after the phase start.
  const [y = 0, m = 1, d = 1] = phase.start.split('-').map(Number);
  const month = d <= recurrence.monthlyOnDay ? m : m + 1;
  const first = new Date(Date.UTC(y, month - 1, recurrence.monthlyOnDay));
  return first.toISOString().slice(0, 10);
}

function checkRecurrence(recurrence: Recurrence, phase: PhaseDates, path: IssuePath): PlanIssue[] {
  if ('every' in recurrence && durationMs(recurrence.every) === 0) {
    return [planError('recurrence_never_advances', [...path, 'every'], 'a recurrence must repeat after more than 0')];
  }
  const issues: PlanIssue[] = [];
  const last = recurrence.until !== undefined && recurrence.until < phase.end ? recurrence.until : phase.end;
  if (recurrence.until !== undefined && recurrence.until > phase.end) {
    const message = `runs until ${recurrence.until}, after the phase ends on ${phase.end}: reports stay due after the phase is over`;
    issues.push(planWarning('recurrence_after_phase_end', [...path, 'until'], message));
  }
  const first = firstOccurrence(recurrence, phase);
  if (first === undefined || first > last) {
    const message = `no occurrence falls inside the phase (${phase.start} to ${last}); the first would be on ${first ?? '?'}`;
    issues.push(planWarning('recurrence_outside_phase', path, message));
  }
  return issues;
}

export function checkReminders(reminders: readonly (Reminder | undefined)[], path: IssuePath): PlanIssue[] {
  return reminders.flatMap((reminder, i) => {
    if (!reminder || reminder.at !== undefined || durationMs(reminder.before) !== 0) return [];
    const message =
      'a reminder 0 before the due time fires at the due time itself; add `at: "09:00"` for the morning of the day';
    return [planWarning('reminder_at_due_time', [...path, i], message)];
  });
}

/** Steps are sent in the order written, so each must come strictly later than the one before. */
export function checkEscalation(steps: readonly (EscalationStep | undefined)[], path: IssuePath): PlanIssue[] {
  const issues: PlanIssue[] = [];
  let previous: EscalationStep | undefined;
  steps.forEach((step, i) => {
    if (!step) return;
    if (previous) {
      const [a, b] = [durationMs(previous.after), durationMs(step.after)];
      const sameDayLater = a === b && previous.at !== undefined && step.at !== undefined && step.at > previous.at;
      if (b < a || (b === a && !sameDayLater)) {
        const message = `"${step.after}" after the due date is not later than the step before it ("${previous.after}"); steps are sent in the order written`;
        issues.push(planError('escalation_not_increasing', [...path, i, 'after'], message));
      }
    }
    previous = step;
  });
  return issues;
}

function checkCalendar(plan: LoosePlan): PlanIssue[] {
  const calendar = plan.campaign?.calendar;
  if (!calendar) return [];
  const daysOff = new Set(calendar.daysOff);
  return calendar.workdays.flatMap((date, j) =>
    daysOff.has(date)
      ? [
          planWarning(
            'calendar_day_listed_twice',
            ['campaign', 'calendar', 'workdays', j],
            `${date} is also listed under daysOff, which wins`,
          ),
        ]
      : [],
  );
}

export function checkTiming(plan: LoosePlan): PlanIssue[] {
  const windows = resolvePhaseWindows(plan.phases);
  const issues = [
    ...checkCalendar(plan),
    ...checkReminders(plan.reminders, ['reminders']),
    ...checkEscalation(plan.escalation, ['escalation']),
  ];
  plan.phases.forEach((phase, p) => {
    if (!phase) return;
    const phasePath = ['phases', p];
    if (phase.deliverables.length === 0) {
      const message = `units owe nothing in "${phase.name ?? phase.id}": nobody is reminded or chased during it`;
      issues.push(planWarning('phase_owes_nothing', [...phasePath, 'deliverables'], message));
    }
    const dates = windows[p];
    // A window that ends before it starts is reported by check-campaign-window.ts and counts for nothing here.
    const window =
      plan.campaign?.window && plan.campaign.window.start <= plan.campaign.window.end
        ? plan.campaign.window
        : undefined;
    const campaign = {
      start: window?.start ?? windows[0]?.start,
      summaryUntil: p === plan.phases.length - 1 ? window?.end : undefined,
    };
    phase.deliverables.forEach((deliverable, d) => {
      if (!deliverable) return;
      const path = [...phasePath, 'deliverables', d];
      // A recurring deliverable's dates come from its recurrence; its `due` only gives the time of day.
      if (dates && deliverable.due && !deliverable.recurrence)
        issues.push(...checkDue(deliverable.due, dates, campaign, path));
      if (dates && deliverable.recurrence)
        issues.push(...checkRecurrence(deliverable.recurrence, dates, [...path, 'recurrence']));
      if (deliverable.reminders) issues.push(...checkReminders(deliverable.reminders, [...path, 'reminders']));
      if (deliverable.escalation) issues.push(...checkEscalation(deliverable.escalation, [...path, 'escalation']));
    });
  });
  return issues;
}
