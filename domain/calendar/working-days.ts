import type { HolidayCalendar } from '../plan/schema';
import { addDays, instantToLocal, localToInstant, weekdayOf } from './local-time';

/**
 * Working days under China's holiday rules: weekends are off, the State Council lists extra days
 * off (法定节假日) and make-up working days (调休上班) on weekends. A listed day off wins over a
 * listed workday, since a date in both lists is a plan mistake and resting is the safer reading.
 */

interface CalendarSets {
  daysOff: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  weekendsOff: boolean;
}

// Plans are immutable once loaded; caching the sets keeps day-by-day scans cheap.
const setsCache = new WeakMap<HolidayCalendar, CalendarSets>();

function setsOf(calendar: HolidayCalendar): CalendarSets {
  let sets = setsCache.get(calendar);
  if (!sets) {
    sets = {
      daysOff: new Set(calendar.daysOff),
      workdays: new Set(calendar.workdays),
      weekendsOff: calendar.weekendsOff,
    };
    setsCache.set(calendar, sets);
  }
  return sets;
}

export function isDayOff(date: string, calendar: HolidayCalendar): boolean {
  const sets = setsOf(calendar);
  if (sets.daysOff.has(date)) return true;
  if (sets.workdays.has(date)) return false;
  return sets.weekendsOff && weekdayOf(date) >= 6;
}

/** Longest stretch searched; a calendar with no working day in ten years is a mistake, not a plan. */
const SEARCH_LIMIT_DAYS = 3660;

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: string, calendar: HolidayCalendar): string {
  let candidate = date;
  for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
    if (!isDayOff(candidate, calendar)) return candidate;
    candidate = addDays(candidate, 1);
  }
  // Returning instead of throwing: this runs inside workflows, where a throw would retry forever.
  return date;
}

/**
 * 遇节假日顺延: an instant on a day off moves to the next working day at the same local time of day
 * (seconds included), so "5月1日 18:00" becomes "5月6日 18:00".
 */
export function postponeToWorkingDay(ms: number, timeZone: string, calendar: HolidayCalendar): number {
  const local = instantToLocal(ms, timeZone);
  const target = nextWorkingDay(local.date, calendar);
  if (target === local.date) return ms;
  const withinMinute = ms - localToInstant(local.date, local.time, timeZone);
  return localToInstant(target, local.time, timeZone) + withinMinute;
}
