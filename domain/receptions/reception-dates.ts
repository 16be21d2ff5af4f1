import { addDays, weekdayOf } from '../calendar/local-time';
import { isWorkingDay, nextWorkingDay } from '../calendar/working-days';
import type { HolidayCalendar } from '../plan/schema';
import type { ReceptionProgramme, ReceptionRule } from '../plan/reception-schema';

/**
 * The days a programme receives on, from its rule and the plan's calendar. Pure and exact: dates
 * are 'YYYY-MM-DD' strings in the plan's time zone, so no clock or time zone enters here.
 */

export interface ReceptionDate {
  /** The day the rule names (e.g. 2026-10-01). */
  scheduled: string;
  /** The day it is held, after 遇节假日顺延 (e.g. 2026-10-09); equal to `scheduled` when nothing moved. */
  date: string;
  /** A days-of-month day the month lacks (31 in April), moved to the month's last day. */
  clampedFrom?: number;
}

/** Longest programme we expand; ten years of working days is far beyond any real plan. */
const MAX_DAYS = 3700;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length < MAX_DAYS; day = addDays(day, 1)) days.push(day);
  return days;
}

function monthDays(rule: Extract<ReceptionRule, { kind: 'days-of-month' }>, from: string, to: string) {
  const found: { scheduled: string; clampedFrom?: number }[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  while (`${year}-${pad(month)}-01` <= to && found.length < MAX_DAYS) {
    const last = daysInMonth(year, month);
    const seen = new Set<string>();
    for (const day of [...rule.days].sort((a, b) => a - b)) {
      const date = `${year}-${pad(month)}-${pad(Math.min(day, last))}`;
      if (date < from || date > to || seen.has(date)) continue;
      seen.add(date);
      found.push(day > last ? { scheduled: date, clampedFrom: day } : { scheduled: date });
    }
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  return found;
}

function ruleDays(
  programme: ReceptionProgramme,
  calendar: HolidayCalendar,
): { scheduled: string; clampedFrom?: number }[] {
  const { rule, from, to } = programme;
  switch (rule.kind) {
    case 'days-of-month':
      return monthDays(rule, from, to);
    case 'weekdays':
      return eachDay(from, to)
        .filter((day) => rule.weekdays.includes(weekdayOf(day)))
        .map((scheduled) => ({ scheduled }));
    case 'working-days':
      // Counted over working days, so "every other working day" alternates across weekends and holidays.
      return eachDay(from, to)
        .filter((day) => isWorkingDay(day, calendar))
        .filter((_, i) => i % rule.every === 0)
        .map((scheduled) => ({ scheduled }));
  }
}

/**
 * Every reception day of a programme, in order. A day off is postponed to the next working day
 * (a make-up Saturday is a working day), skipped or kept, as the programme says. Two rule days
 * that land on one working day (a 1st and a 2nd both inside a holiday) make one reception: the
 * leader receives once that day. A day postponed past the programme's end is still held, since
 * it was promised to the public.
 */
export function receptionDates(programme: ReceptionProgramme, calendar: HolidayCalendar): ReceptionDate[] {
  const held = new Map<string, ReceptionDate>();
  for (const { scheduled, clampedFrom } of ruleDays(programme, calendar)) {
    let date = scheduled;
    if (!isWorkingDay(scheduled, calendar)) {
      if (programme.onDayOff === 'skip') continue;
      if (programme.onDayOff === 'postpone') date = nextWorkingDay(scheduled, calendar);
    }
    if (held.has(date)) continue;
    held.set(date, clampedFrom === undefined ? { scheduled, date } : { scheduled, date, clampedFrom });
  }
  return [...held.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
