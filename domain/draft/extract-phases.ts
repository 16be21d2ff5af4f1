import { findDateExpressions, type DateExpression, type DayMention } from './chinese-dates';
import type { DraftDate, DraftPhase } from './draft-model';
import { crossesNewYear, resolveMention, unknownDate } from './resolve-date';
import { sentenceAt, type TextLine } from './text-lines';

/**
 * Phases as offices write them: "（一）宣传发动阶段（4月12日至4月13日）", "(一)动员部署:" with
 * "时间: 4月15日-5月14日" below, "(一)4月份，学校制定总体实施方案", "第一阶段：…", or
 * "活动一：…" with its "活动时间：" a few lines below.
 */
const HEADING = /^\s*(?:[（(]([一二三四五六七八九十]+)[）)]|第([一二三四五六七八九十]+)阶段\s*[:：]?)\s*(.*)$/u;
const ACTIVITY = /^\s*活动([一二三四五六七八九十]+)\s*[:：]\s*(.+)$/u;
const TIME_LINE = /^\s*(?:\d+\s*[、.．]\s*)?(?:活动)?时间\s*[:：]/u;
const TOP_SECTION = /^\s*[一二三四五六七八九十]+\s*[、.．]/u;
/** A later date this many months before an earlier one is in the next year; a smaller step back is an overlap. */
const NEW_YEAR_GAP = 6;
const NAME_END = /[:：（(，,。；;、]|时间/u;

export interface PhaseSpan {
  phase: Omit<DraftPhase, 'start' | 'end' | 'lastLine'>;
  window: DateExpression | undefined;
  /** Lines (indices into the plan's lines) that belong to this phase, for its deliverables. */
  from: number;
  to: number;
}

function timeLineBelow(lines: TextLine[], i: number, reach: number): TextLine | undefined {
  for (const line of lines.slice(i + 1, i + 1 + reach)) if (TIME_LINE.test(line.norm)) return line;
  return undefined;
}

function phaseName(rest: string, original: string, window: DateExpression | undefined): string {
  const stage = rest.indexOf('阶段');
  if (stage > 0 && stage <= 12)
    return original
      .slice(0, stage)
      .replace(/^第[一二三四五六七八九十]+/u, '')
      .trim();
  if (window && window.index <= 1) {
    const after = original.slice(window.index + window.text.length).replace(/^[\s，,、:：]+/u, '');
    return (after.split(/[，,。；;]/u)[0] ?? '').trim();
  }
  const end = rest.search(NAME_END);
  return (end < 0 ? original : original.slice(0, end)).trim();
}

function headingAt(lines: TextLine[], i: number): Omit<PhaseSpan, 'from' | 'to'> | undefined {
  const line = lines[i] as TextLine;
  const activity = ACTIVITY.exec(line.norm);
  const timed = activity ? timeLineBelow(lines, i, 3) : undefined;
  if (activity && timed) {
    const window = findDateExpressions(timed.norm)[0];
    const name = line.text
      .trim()
      .replace(/^活動?[^:：]*[:：]/u, '')
      .trim();
    return { phase: { name, source: sentenceAt(line), windowSource: sentenceAt(timed) }, window };
  }
  const match = HEADING.exec(line.norm);
  if (!match) return undefined;
  const rest = match[3] ?? '';
  const original = line.text.slice(line.text.length - rest.length);
  const own = findDateExpressions(rest)[0];
  const below = own ? undefined : timeLineBelow(lines, i, 2);
  const stage = rest.indexOf('阶段');
  const datedFirst = own !== undefined && own.index <= 1;
  const isPhase =
    (stage >= 0 && stage <= 12) || match[2] !== undefined || datedFirst || /时间\s*[:：]/u.test(rest) || below;
  if (!isPhase) return undefined;
  const window = own ?? (below ? findDateExpressions(below.norm)[0] : undefined);
  const phase = {
    name: phaseName(rest, original, own),
    source: sentenceAt(line),
    ...(below ? { windowSource: sentenceAt(below) } : {}),
  };
  return { phase, window };
}

export function findPhaseSpans(lines: TextLine[]): PhaseSpan[] {
  const spans: PhaseSpan[] = [];
  lines.forEach((_, i) => {
    const found = headingAt(lines, i);
    if (!found) return;
    const previous = spans[spans.length - 1];
    if (previous && previous.to > i) previous.to = i;
    let to = lines.length;
    for (let k = i + 1; k < lines.length; k++) {
      if (TOP_SECTION.test(lines[k]?.norm ?? '')) {
        to = k;
        break;
      }
    }
    spans.push({ ...found, from: i, to });
  });
  return spans;
}

function firstMention(window: DateExpression): DayMention | undefined {
  if (window.kind === 'range' || window.kind === 'open-range') return window.start;
  if (window.kind === 'single' || window.kind === 'before') return window.at;
  return undefined;
}

/** A phase window as dates: what the words give, and a reason for each side they do not. */
function windowDates(
  window: DateExpression | undefined,
  year: number | undefined,
  carry: number,
): [DraftDate, DraftDate] {
  if (!window) return [unknownDate('文中未写日期'), unknownDate('文中未写日期')];
  switch (window.kind) {
    case 'range': {
      const endCarry = carry + (crossesNewYear(window.start, window.end) ? 1 : 0);
      return [resolveMention(window.start, 'start', year, carry), resolveMention(window.end, 'end', year, endCarry)];
    }
    case 'open-range':
      return [resolveMention(window.start, 'start', year, carry), unknownDate(`文中写作“${window.endWords}”`)];
    case 'before':
      return [unknownDate('文中只写了截止日期'), resolveMention(window.at, 'end', year, carry)];
    case 'single':
      if (window.at.part === 'end')
        return [unknownDate('文中只写了“月底”'), resolveMention(window.at, 'end', year, carry)];
      return [resolveMention(window.at, 'start', year, carry), resolveMention(window.at, 'end', year, carry)];
    case 'blank':
      return [unknownDate('文中日期空白'), unknownDate('文中日期空白')];
  }
}

/** Phases with their windows; a phase that starts before the previous one did is in the next year. */
export function resolvePhases(spans: PhaseSpan[], lines: TextLine[], year: number | undefined): DraftPhase[] {
  let carry = 0;
  let previous: DayMention | undefined;
  return spans.map((span) => {
    const first = span.window ? firstMention(span.window) : undefined;
    if (first && previous && first.year === undefined && previous.month - first.month >= NEW_YEAR_GAP) carry++;
    if (first) previous = first;
    const [start, end] = windowDates(span.window, year, carry);
    const lastLine = lines[span.to - 1]?.number ?? span.phase.source.line;
    return { ...span.phase, start, end, lastLine };
  });
}
