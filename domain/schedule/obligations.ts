import { addDays, instantToLocal, localToInstant } from '../calendar/local-time';
import { postponeToWorkingDay } from '../calendar/working-days';
import { durationMs } from '../plan/duration';
import type { Deliverable, EscalationStep, HolidayCalendar, Phase, Plan } from '../plan/schema';
import { escalationTimes, reminderTimes } from './alert-times';
import { periodLabel, titleWithPeriod } from './period-label';
import type { PhaseWindow } from './phase-window';

export type Alert =
  | { type: 'reminder'; atMs: number }
  | { type: 'overdue'; atMs: number }
  | ({ type: 'escalation'; atMs: number; step: number } & Omit<EscalationStep, 'after' | 'at'>);

/** One thing a unit owes: a deliverable, or one occurrence of a recurring one ("progress@2026-05-06"). */
export interface ObligationSpec {
  key: string;
  deliverableId: string;
  phaseId: string;
  phaseName: string;
  title: string;
  /** For a recurring deliverable: the period this occurrence covers ("第5周", "2017年1月"). */
  period?: string;
  kind: string;
  owedBy: 'all' | string[];
  dueMs: number;
  closesAtMs?: number;
  alerts: Alert[];
}

function postpone(plan: Plan, deliverable: Deliverable, dueMs: number): number {
  const wanted = deliverable.postponeOnDayOff ?? plan.campaign.postponeDueDatesOnDaysOff;
  return wanted ? postponeToWorkingDay(dueMs, plan.campaign.timeZone, plan.campaign.calendar) : dueMs;
}

function dueTimeOf(plan: Plan, deliverable: Deliverable): string {
  return typeof deliverable.due === 'object' && deliverable.due.time
    ? deliverable.due.time
    : plan.campaign.defaultDueTime;
}

/** Local dates on which a deliverable falls due, before holiday postponement. */
function dueDates(plan: Plan, deliverable: Deliverable, window: PhaseWindow): string[] {
  const zone = plan.campaign.timeZone;
  const lastDay = (until: string | undefined) => until ?? instantToLocal(window.endMs - 1, zone).date;
  const recurrence = deliverable.recurrence;
  if (recurrence && 'every' in recurrence) {
    const step = durationMs(recurrence.every);
    const until = lastDay(recurrence.until);
    const dates: string[] = [];
    for (let t = window.startMs + durationMs(recurrence.first ?? recurrence.every); ; t += step) {
      const date = instantToLocal(t, zone).date;
      if (date > until || dates.length >= 400) break;
      if (dates[dates.length - 1] !== date) dates.push(date);
    }
    return dates;
  }
  if (recurrence) {
    const first = instantToLocal(window.startMs, zone).date;
    const until = lastDay(recurrence.until);
    const dates: string[] = [];
    for (let month = first.slice(0, 7); `${month}-01` <= until; month = addDays(`${month}-28`, 4).slice(0, 7)) {
      const date = `${month}-${String(recurrence.monthlyOnDay).padStart(2, '0')}`;
      if (date >= first && date <= until) dates.push(date);
    }
    return dates;
  }
  const due = deliverable.due;
  if (typeof due === 'string') return [due];
  if ('date' in due) return [due.date];
  return [instantToLocal(window.startMs + durationMs(due.after), zone).date];
}

function alertsFor(plan: Plan, deliverable: Deliverable, dueMs: number): Alert[] {
  const zone = plan.campaign.timeZone;
  const ladder = deliverable.escalation ?? plan.escalation;
  const reminders = reminderTimes(dueMs, deliverable.reminders ?? plan.reminders, zone).map((atMs): Alert => ({
    type: 'reminder',
    atMs,
  }));
  const steps = escalationTimes(dueMs, ladder, zone).map((atMs, index): Alert => {
    const { after: _after, at: _at, ...step } = ladder[index] as EscalationStep;
    return { type: 'escalation', atMs, step: index + 1, ...step };
  });
  const alerts: Alert[] = [...reminders, { type: 'overdue', atMs: dueMs }, ...steps];
  return plan.campaign.quietOnDaysOff
    ? quietAlerts(alerts, dueMs, plan.campaign.timeZone, plan.campaign.calendar)
    : alerts;
}

/**
 * 节假日不催报: every alert on a day off moves to the next working day at the same time of day. A
 * reminder that would then come after the due time is dropped (it would remind of nothing); the
 * rest keep their order, since a unit works through its alerts by index.
 */
function quietAlerts(alerts: Alert[], dueMs: number, zone: string, calendar: HolidayCalendar): Alert[] {
  return alerts
    .map((alert) => ({ ...alert, atMs: postponeToWorkingDay(alert.atMs, zone, calendar) }))
    .filter((alert) => alert.type !== 'reminder' || alert.atMs <= dueMs)
    .map((alert, index) => ({ alert, index }))
    .sort((a, b) => a.alert.atMs - b.alert.atMs || a.index - b.index)
    .map(({ alert }) => alert);
}

export function obligationsForPhase(plan: Plan, phase: Phase, window: PhaseWindow): ObligationSpec[] {
  const zone = plan.campaign.timeZone;
  return phase.deliverables.flatMap((deliverable) => {
    const dates = dueDates(plan, deliverable, window);
    const locale = plan.campaign.locale;
    return dates.map((date, index): ObligationSpec => {
      const dueMs = postpone(plan, deliverable, localToInstant(date, dueTimeOf(plan, deliverable), zone));
      const period = deliverable.recurrence ? periodLabel(deliverable.recurrence, { index, date }, locale) : undefined;
      return {
        key: deliverable.recurrence ? `${deliverable.id}@${date}` : deliverable.id,
        deliverableId: deliverable.id,
        phaseId: phase.id,
        phaseName: phase.name,
        // A recurring report names its period in every mail and report row ("每周进展（第5周）").
        title: period === undefined ? deliverable.title : titleWithPeriod(deliverable.title, period, locale),
        ...(period === undefined ? {} : { period }),
        kind: deliverable.kind,
        owedBy: deliverable.owedBy,
        dueMs,
        closesAtMs: deliverable.acceptLateFor ? dueMs + durationMs(deliverable.acceptLateFor) : undefined,
        alerts: alertsFor(plan, deliverable, dueMs),
      };
    });
  });
}

export function owes(spec: Pick<ObligationSpec, 'owedBy'>, unitId: string): boolean {
  return spec.owedBy === 'all' || spec.owedBy.includes(unitId);
}
