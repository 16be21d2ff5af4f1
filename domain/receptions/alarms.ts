import { addDays, localToInstant, weekdayOf } from '../calendar/local-time';
import { durationDays } from '../plan/duration';
import type { ProgrammeContext } from './register';

/**
 * Every moment a reception programme acts, as data: the notices to the leader on duty (the day
 * before, the morning of the day), the end of each reception day (a reception nobody recorded is
 * a miss), the weekly summary (Monday 09:00, for the week before) and the monthly notice (the 1st
 * at 09:00, for the month before). Derived from the plan alone, so a new run after
 * continue-as-new, or a worker restarted months later, finds the same alarms again.
 */

export const SUMMARY_TIME = '09:00';

export type Alarm =
  | { kind: 'notice'; atMs: number; receptionId: string; daysBefore: number }
  | { kind: 'end-of-day'; atMs: number; receptionId: string }
  | { kind: 'summary'; atMs: number; period: 'week' | 'month'; from: string; to: string };

const ORDER: Record<Alarm['kind'], number> = { 'end-of-day': 0, summary: 1, notice: 2 };

export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

export function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
}

export function programmeAlarms(ctx: ProgrammeContext): Alarm[] {
  const zone = ctx.plan.campaign.timeZone;
  const at = (date: string, time: string) => localToInstant(date, time, zone);
  const alarms: Alarm[] = [];
  for (const entry of ctx.rota) {
    for (const notice of ctx.programme.notice) {
      const { days } = durationDays(notice.before);
      alarms.push({
        kind: 'notice',
        atMs: at(addDays(entry.date, -days), notice.at),
        receptionId: entry.id,
        daysBefore: days,
      });
    }
    alarms.push({ kind: 'end-of-day', atMs: at(addDays(entry.date, 1), '00:00'), receptionId: entry.id });
  }
  const weeks = new Set(ctx.rota.map((e) => mondayOf(e.date)));
  for (const monday of weeks) {
    alarms.push({
      kind: 'summary',
      atMs: at(addDays(monday, 7), SUMMARY_TIME),
      period: 'week',
      from: monday,
      to: addDays(monday, 6),
    });
  }
  const months = new Set(ctx.rota.map((e) => `${e.date.slice(0, 7)}-01`));
  for (const first of months) {
    const last = monthEnd(first);
    alarms.push({ kind: 'summary', atMs: at(addDays(last, 1), SUMMARY_TIME), period: 'month', from: first, to: last });
  }
  return alarms.sort((a, b) => a.atMs - b.atMs || ORDER[a.kind] - ORDER[b.kind]);
}

/** Alarms in (afterMs, uptoMs], in order. */
export function alarmsBetween(alarms: Alarm[], afterMs: number, uptoMs: number): Alarm[] {
  return alarms.filter((a) => a.atMs > afterMs && a.atMs <= uptoMs);
}

export function nextAlarmAfter(alarms: Alarm[], afterMs: number): Alarm | undefined {
  return alarms.find((a) => a.atMs > afterMs);
}
