import { addDays, localToInstant, weekdayOf } from '../calendar/local-time';
import { postponeToWorkingDay } from '../calendar/working-days';
import { resolvePhaseWindows } from '../plan/phase-windows';
import type { EscalationStep, Plan } from '../plan/schema';
import { escalationTimes, reminderTimes } from '../schedule/alert-times';

/**
 * Every moment an assessment acts on its own, as data derived from the plan alone (so a worker
 * restarted weeks later finds the same alarms): reminders to assessors still owing scores before
 * the scoring deadline, the escalation ladder after it, and periodic ranking notices (排名通报)
 * while the campaign runs. Reminders and the ladder are the plan's own (`reminders`,
 * `escalation`), placed by the same rules as a unit's (domain/schedule/alert-times.ts) against
 * the scoring deadline: the window's last day at the plan's default due time. Scores are still
 * taken until that day's midnight.
 */

export type AssessmentAlarm =
  | { kind: 'reminder'; atMs: number; index: number }
  | { kind: 'escalation'; atMs: number; step: number }
  | { kind: 'ranking'; atMs: number; period: 'week' | 'month'; from: string; to: string };

/** Without a ladder in the plan, the office is told at the deadline who still owes scores. */
export const DEFAULT_ASSESSMENT_LADDER: EscalationStep[] = [
  { after: '0d', notify: ['office'], publicNotice: false, accountability: false, label: '评分逾期' },
];

export function assessmentLadder(plan: Plan): EscalationStep[] {
  return plan.escalation.length > 0 ? plan.escalation : DEFAULT_ASSESSMENT_LADDER;
}

/** The scoring window's dates: a phase's, or the assessment's own. */
export function scoringDates(plan: Plan): { start: string; end: string } | undefined {
  const window = plan.assessment?.window;
  if (!window) return undefined;
  if (!('phase' in window)) return window;
  return resolvePhaseWindows(plan.phases)[plan.phases.findIndex((p) => p.id === window.phase)];
}

/** When scores are due: the window's last day at the plan's default due time (18:00 unless it says). */
export function scoringDueMs(plan: Plan): number | undefined {
  const dates = scoringDates(plan);
  return dates && localToInstant(dates.end, plan.campaign.defaultDueTime, plan.campaign.timeZone);
}

function monthEnd(first: string): string {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
}

/** Periods that end within the campaign's phases, each noticed the morning after it ends. */
function rankingAlarms(plan: Plan): AssessmentAlarm[] {
  const notices = plan.assessment?.rankingNotices;
  const windows = resolvePhaseWindows(plan.phases).flatMap((w) => (w ? [w] : []));
  const first = windows.map((w) => w.start).sort()[0];
  const last = windows
    .map((w) => w.end)
    .sort()
    .at(-1);
  if (!notices || !first || !last) return [];
  const at = (date: string) => localToInstant(date, notices.at, plan.campaign.timeZone);
  const alarms: AssessmentAlarm[] = [];
  if (notices.every === 'week') {
    for (let monday = addDays(first, 1 - weekdayOf(first)); monday <= last; monday = addDays(monday, 7)) {
      const to = addDays(monday, 6);
      if (to <= last) alarms.push({ kind: 'ranking', atMs: at(addDays(to, 1)), period: 'week', from: monday, to });
    }
  } else {
    for (let month = `${first.slice(0, 7)}-01`; month <= last; month = addDays(monthEnd(month), 1)) {
      const to = monthEnd(month);
      if (to <= last) alarms.push({ kind: 'ranking', atMs: at(addDays(to, 1)), period: 'month', from: month, to });
    }
  }
  return alarms;
}

export function assessmentAlarms(plan: Plan): AssessmentAlarm[] {
  const zone = plan.campaign.timeZone;
  const quiet = (ms: number) =>
    plan.campaign.quietOnDaysOff ? postponeToWorkingDay(ms, zone, plan.campaign.calendar) : ms;
  const dueMs = scoringDueMs(plan);
  const alarms: AssessmentAlarm[] = rankingAlarms(plan);
  if (dueMs !== undefined) {
    reminderTimes(dueMs, plan.reminders, zone).forEach((ms, index) =>
      alarms.push({ kind: 'reminder', atMs: quiet(ms), index }),
    );
    escalationTimes(dueMs, assessmentLadder(plan), zone).forEach((ms, step) =>
      alarms.push({ kind: 'escalation', atMs: quiet(ms), step }),
    );
  }
  return alarms.sort((a, b) => a.atMs - b.atMs);
}

export function assessmentAlarmsBetween(alarms: AssessmentAlarm[], afterMs: number, uptoMs: number) {
  return alarms.filter((a) => a.atMs > afterMs && a.atMs <= uptoMs);
}

export function nextAssessmentAlarm(alarms: AssessmentAlarm[], afterMs: number): AssessmentAlarm | undefined {
  return alarms.find((a) => a.atMs > afterMs);
}
