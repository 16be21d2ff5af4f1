import type { HolidayCalendar } from '../plan/schema';
import { presetDays } from './cn-mainland';
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
    sets = { ...effectiveDays(calendar), weekendsOff: calendar.weekendsOff };
    setsCache.set(calendar, sets);
  }
  return sets;
}

/**
 * The plan's days on top of its preset: the plan's own lists win over the preset's (a day the plan
 * calls a workday is not off, whatever the preset says), and `except` drops preset dates.
 */
function effectiveDays(calendar: HolidayCalendar): { daysOff: Set<string>; workdays: Set<string> } {
  const daysOff = new Set(calendar.daysOff);
  const workdays = new Set(calendar.workdays);
  if (calendar.preset === undefined) return { daysOff, workdays };
  const preset = presetDays(calendar.preset);
  const skipped = new Set(calendar.except ?? []);
  for (const date of preset.daysOff) if (!skipped.has(date) && !workdays.has(date)) daysOff.add(date);
  for (const date of preset.workdays) if (!skipped.has(date) && !daysOff.has(date)) workdays.add(date);
  return { daysOff, workdays };
}

export function isDayOff(date: string, calendar: HolidayCalendar): boolean {
  const sets = setsOf(calendar);
  if (sets.daysOff.has(date)) return true;
  if (sets.workdays.has(date)) return false;
  return sets.weekendsOff && weekdayOf(date) >= 6;
}

export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  return !isDayOff(date, calendar);
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
