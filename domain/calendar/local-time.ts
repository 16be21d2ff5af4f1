import { DAY_MS } from '../clock/time-units';
/**
 * Local dates and times in a plan's time zone, as plain strings ('YYYY-MM-DD', 'HH:MM').
 *
 * Pure and deterministic: no host clock, no Node built-ins. Zone rules come from `Intl`, which is
 * also available inside Temporal's workflow sandbox, so workflows and the CLI agree on every instant.
 */

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalDateTime {
  date: string;
  time: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: Weekday;
}

// Building a DateTimeFormat is far slower than using one, and workflows convert many instants on replay.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Wall-clock fields of an instant in a zone, read back as if they were UTC (whole seconds). */
function wallClockAsUtc(ms: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  // Some ICU versions print midnight as "24" even with h23; it is the same day's 00.
  return Date.UTC(year, month - 1, day, hour % 24, minute, second);
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8h). */
function zoneOffsetMs(ms: number, timeZone: string): number {
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return wallClockAsUtc(wholeSeconds, timeZone) - wholeSeconds;
}

function parseDate(date: string): [number, number, number] {
  const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(y + m + d)) throw new Error(`not a date: "${date}"`);
  return [y, m, d];
}

function parseTime(time: string): [number, number] {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`not a time of day: "${time}"`);
  return [Number(match[1]), Number(match[2])];
}

/** Days since 1970-01-01 for a calendar date; zone-free, so date arithmetic never meets DST. */
function epochDay(date: string): number {
  const [y, m, d] = parseDate(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function dateOfEpochDay(day: number): string {
  const probe = new Date(day * DAY_MS);
  return `${pad(probe.getUTCFullYear(), 4)}-${pad(probe.getUTCMonth() + 1)}-${pad(probe.getUTCDate())}`;
}

/**
 * The instant at which a zone's clocks show `date` `time`. A time skipped by a spring-forward gap
 * moves forward by the gap (02:30 → 03:30); a time repeated at fall-back takes the earlier instant.
 * This matches Temporal's and java.time's "compatible" disambiguation.
 */
export function localToInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = parseDate(date);
  const [hh, mm] = parseTime(time);
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Zone transitions are far more than two days apart, so the offsets a day either side are the
  // only two candidates.
  const before = zoneOffsetMs(naive - DAY_MS, timeZone);
  const after = zoneOffsetMs(naive + DAY_MS, timeZone);
  const valid = [naive - before, naive - after].filter((t) => zoneOffsetMs(t, timeZone) === naive - t);
  if (valid.length > 0) return Math.min(...valid);
  return naive - before;
}

export function weekdayOf(date: string): Weekday {
  const day = new Date(epochDay(date) * DAY_MS).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

export function instantToLocal(ms: number, timeZone: string): LocalDateTime {
  const wall = new Date(ms + zoneOffsetMs(ms, timeZone));
  const date = dateOfEpochDay(Math.floor(wall.getTime() / DAY_MS));
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
  return { date, time, weekday: weekdayOf(date) };
}

export function addDays(date: string, n: number): string {
  return dateOfEpochDay(epochDay(date) + n);
}

/** Calendar days from `a` to `b`: positive when `b` is later; 4/14 → 4/20 is 6. */
export function daysBetween(a: string, b: string): number {
  return epochDay(b) - epochDay(a);
}

const WEEKDAY_NAMES: Record<'zh' | 'en', readonly string[]> = {
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

export interface FormatInstantOptions {
  /** Add the day of the week: "2026-04-14 18:00（周二）" / "Tue 2026-04-14 18:00". */
  weekday?: boolean;
}

/**
 * An instant as people in the campaign read it: "2026-04-14 18:00" in the plan's zone. The same
 * numeric form in both locales keeps mails sortable and unambiguous; only the weekday is translated.
 */
export function formatInstant(
  ms: number,
  timeZone: string,
  locale: 'zh' | 'en',
  options: FormatInstantOptions = {},
): string {
  const local = instantToLocal(ms, timeZone);
  const text = `${local.date} ${local.time}`;
  if (!options.weekday) return text;
  const name = WEEKDAY_NAMES[locale][local.weekday - 1] ?? '';
  return locale === 'zh' ? `${text}（${name}）` : `${name} ${text}`;
}
