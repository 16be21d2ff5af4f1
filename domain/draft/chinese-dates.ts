/**
 * Chinese date expressions as offices write them, found in (normalised) text. Nothing here picks a
 * year the text does not give: a mention keeps `year` only when it is written, and `yearHidden`
 * when the document masks it ("XX年", "20xx年"); the plan decides the year later, or leaves a
 * placeholder.
 *
 * A part of a month becomes days: 上旬 1–10, 中旬 11–20, 下旬 21–last, 月初 as 上旬, 月底/月末 the
 * last day (a start and an end alike), N月份 or a bare month the whole month.
 */
export type MonthPart = 'day' | 'end' | 'early' | 'middle' | 'late' | 'month';

export interface DayMention {
  year?: number;
  yearHidden?: boolean;
  month: number;
  day?: number;
  part: MonthPart;
}

interface Located {
  /** Offset and text of the whole expression in the searched text. */
  index: number;
  text: string;
}

export type DateShape =
  | { kind: 'range'; start: DayMention; end: DayMention }
  /** "3月6日至党代会之后": a start, and an end the document gives only in words. */
  | { kind: 'open-range'; start: DayMention; endWords: string }
  /** "4月14日前", "2月底前": a deadline. */
  | { kind: 'before'; at: DayMention }
  | { kind: 'single'; at: DayMention }
  /** "（ 月 日—— 月 日）": a form with the dates left blank. */
  | { kind: 'blank' };

export type DateExpression = Located & DateShape;

const YEAR = String.raw`(?:(\d{4})|((?:20)?[xX×Ⅹ]{2}|20--))\s*年\s*`;
const POINT_SOURCE = String.raw`(?:${YEAR})?(\d{1,2})\s*月\s*(?:(\d{1,2})(?![\d.])\s*[日号]?|(底|末|上旬|中旬|下旬|初|份))?`;
const POINT = new RegExp(POINT_SOURCE, 'gu');
const POINT_AT = new RegExp(POINT_SOURCE, 'uy');
const SEPARATOR = /\s*(?:至|到|——|—|－|-|–|~|～|―)\s*/uy;
const DAY_ONLY = /(\d{1,2})\s*[日号]/uy;
const LISTED_DAY = /、\s*(\d{1,2})\s*[日号]/uy;
const BEFORE = /\s*(?:之)?前/uy;
const OPEN_END = /[^）)，,。；;\s]{1,12}/uy;
const DOT_RANGE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\s*(?:至|到|—|－|-|–|~|～)\s*(\d{1,2})\.(\d{1,2})(?![\d.])/gu;
const BLANK = /[（(]\s*月\s*日\s*[—\-~～至]+\s*月\s*日\s*[）)]/gu;
const PARTS: Record<string, MonthPart> = {
  底: 'end',
  末: 'end',
  上旬: 'early',
  初: 'early',
  中旬: 'middle',
  下旬: 'late',
  份: 'month',
};

function mention(groups: (string | undefined)[]): DayMention | undefined {
  const [year, hidden, month, day, part] = groups;
  const m = Number(month);
  if (!(m >= 1 && m <= 12)) return undefined;
  const base: DayMention = { month: m, part: 'month' };
  if (year !== undefined) base.year = Number(year);
  if (hidden !== undefined) base.yearHidden = true;
  if (day !== undefined) {
    const d = Number(day);
    if (!(d >= 1 && d <= 31)) return undefined;
    return { ...base, day: d, part: 'day' };
  }
  return { ...base, part: part === undefined ? 'month' : (PARTS[part] ?? 'month') };
}

function stickyAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** What follows a first date: a second one (a range), a deadline word, or nothing. */
function continueFrom(text: string, start: DayMention, from: number): { end: number; expression: DateShape } {
  const separator = stickyAt(SEPARATOR, text, from);
  if (separator) {
    const after = from + separator[0].length;
    const second = stickyAt(POINT_AT, text, after);
    const end = second ? mention(second.slice(1)) : undefined;
    if (second && end) return { end: after + second[0].length, expression: { kind: 'range', start, end } };
    const dayOnly = stickyAt(DAY_ONLY, text, after);
    if (dayOnly) {
      const end: DayMention = { ...start, day: Number(dayOnly[1]), part: 'day' };
      return { end: after + dayOnly[0].length, expression: { kind: 'range', start, end } };
    }
    const words = stickyAt(OPEN_END, text, after);
    if (words) return { end: after + words[0].length, expression: { kind: 'open-range', start, endWords: words[0] } };
  }
  let last: DayMention | undefined;
  let at = from;
  for (let listed = stickyAt(LISTED_DAY, text, at); listed; listed = stickyAt(LISTED_DAY, text, at)) {
    last = { ...start, day: Number(listed[1]), part: 'day' };
    at += listed[0].length;
  }
  if (last) return { end: at, expression: { kind: 'range', start, end: last } };
  const before = stickyAt(BEFORE, text, from);
  if (before) return { end: from + before[0].length, expression: { kind: 'before', at: start } };
  return { end: from, expression: { kind: 'single', at: start } };
}

function dotRanges(text: string): DateExpression[] {
  const found: DateExpression[] = [];
  for (const match of text.matchAll(DOT_RANGE)) {
    const start = mention([undefined, undefined, match[1], match[2], undefined]);
    const end = mention([undefined, undefined, match[3], match[4], undefined]);
    if (start && end) found.push({ kind: 'range', start, end, index: match.index, text: match[0] });
  }
  return found;
}

/** Every date expression in the text, in order. */
export function findDateExpressions(text: string): DateExpression[] {
  const found: DateExpression[] = [...dotRanges(text)];
  for (const match of text.matchAll(BLANK)) found.push({ kind: 'blank', index: match.index, text: match[0] });
  const taken = (at: number) => found.some((e) => at >= e.index && at < e.index + e.text.length);
  POINT.lastIndex = 0;
  for (let match = POINT.exec(text); match; match = POINT.exec(text)) {
    const start = mention(match.slice(1));
    if (!start || taken(match.index)) continue;
    const { end, expression } = continueFrom(text, start, match.index + match[0].length);
    found.push({ ...expression, index: match.index, text: text.slice(match.index, end) });
    POINT.lastIndex = Math.max(end, match.index + 1);
  }
  return found.sort((a, b) => a.index - b.index);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The day a mention stands for when it opens or closes a window. Without a year, February's last
 * day is not known: undefined (a placeholder), never a guess.
 */
export function dayOf(at: DayMention, role: 'start' | 'end', year: number | undefined): number | undefined {
  if (at.part === 'day') return at.day;
  if (at.part === 'end') return year === undefined && at.month === 2 ? undefined : daysInMonth(year ?? 2001, at.month);
  const last = year === undefined && at.month === 2 ? undefined : daysInMonth(year ?? 2001, at.month);
  const bounds: Record<Exclude<MonthPart, 'day' | 'end'>, [number, number | undefined]> = {
    early: [1, 10],
    middle: [11, 20],
    late: [21, last],
    month: [1, last],
  };
  return bounds[at.part][role === 'start' ? 0 : 1];
}
