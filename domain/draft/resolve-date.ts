import { dayOf, type DayMention } from './chinese-dates';
import type { DraftDate } from './draft-model';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A mention as a plan date. The year is the mention's own when written, else `year` (the plan's:
 * title, issue date or --year) plus `carry` (a window that crosses the new year). Without a year
 * the month and day are kept for the person to complete.
 */
export function resolveMention(at: DayMention, role: 'start' | 'end', year: number | undefined, carry = 0): DraftDate {
  const whole = at.year ?? (year === undefined ? undefined : year + carry);
  const day = dayOf(at, role, whole);
  if (day === undefined) return { kind: 'unknown', why: '二月的最后一天取决于年份' };
  if (whole === undefined) return { kind: 'no-year', monthDay: `--${pad(at.month)}-${pad(day)}` };
  const probe = new Date(Date.UTC(whole, at.month - 1, day));
  if (probe.getUTCMonth() !== at.month - 1) return { kind: 'unknown', why: `${whole}年没有${at.month}月${day}日` };
  return { kind: 'date', iso: `${whole}-${pad(at.month)}-${pad(day)}` };
}

/** Month and day as one number, to tell whether a later date went past the new year. */
export function monthDayKey(at: DayMention): number {
  return at.month * 100 + (at.day ?? (at.part === 'end' || at.part === 'late' ? 31 : 1));
}

/** The end of a range is in the next year when it comes before its start ("12月20日至1月5日"). */
export function crossesNewYear(start: DayMention, end: DayMention): boolean {
  return end.year === undefined && monthDayKey(end) < monthDayKey(start) && start.month - end.month >= 6;
}

export function unknownDate(why: string): DraftDate {
  return { kind: 'unknown', why };
}

/** For scoring and the summary: "2026-04-12", "--04-12" (no year), or undefined. */
export function dateText(date: DraftDate): string | undefined {
  if (date.kind === 'date') return date.iso;
  if (date.kind === 'no-year') return date.monthDay;
  return undefined;
}
