import { findDateExpressions, type DayMention } from './chinese-dates';
import type { DeliverableKind, DraftDeliverable, DraftPhase } from './draft-model';
import { resolveMention, monthDayKey, unknownDate } from './resolve-date';
import { normalizeForMatching } from './normalize-text';
import { sentenceAt, sentencesOf, type TextLine } from './text-lines';
import type { PhaseSpan } from './extract-phases';

/**
 * Deliverables: "小组成员名单于4月14日前上报县领导小组办公室", "于4月20日前上报", "各单位要将实施方案于2月底前报党办",
 * "截稿时间：…"; inside a phase also the undated ones ("形成书面材料报县领导小组办公室"), whose date is a placeholder.
 */
const VERB = /(上报|报送|上交|提交|报|交|送)/u;
const DEADLINE_WORD = /(截稿|截止|报名)(?:时间|日期)?\s*[:：]\s*$/u;
const UNDATED =
  /(书面材料|总结|名单|台账|台帐|报告)[^，,。；]{0,6}(上报|报送|报)|(上报|报送|报)[^，,。；]{0,4}(书面材料|总结|名单|台账|台帐)/u;
const SUBJECT = /^(?:[^，,]{0,12}?(?:要|须|必须|务必|应|请)\s*)?/u;

export function kindOf(written: string): DeliverableKind {
  const title = normalizeForMatching(written);
  if (/名单/u.test(title)) return 'member-list';
  if (/台账|台帐|排查/u.test(title)) return 'case-ledger';
  if (/进展|进度/u.test(title)) return 'progress';
  if (/总结/u.test(title)) return 'summary';
  return 'document';
}

/** What is due and to whom, from the words around the date (matched in `norm`, quoted from `text`). */
function titleAndRecipient(text: string, norm: string, at: number, end: number): { title: string; recipient?: string } {
  const carried = /^\s*将(.+?)(上报|报送|上交|提交|报|交|送)/u.exec(norm.slice(end));
  let title: string;
  if (carried?.[1]) {
    const from = end + carried[0].indexOf(carried[1]);
    title = text.slice(from, from + carried[1].length);
  } else {
    const before = norm.slice(0, at).replace(/\s*(?:于|在)\s*$/u, '');
    const moved = /将([^，,]+?)$/u.exec(before);
    const clauseStart = moved
      ? moved.index + 1
      : Math.max(...['，', ',', '：', ':'].map((mark) => before.lastIndexOf(mark))) + 1;
    const clause = text.slice(clauseStart, before.length);
    title = clause.replace(SUBJECT, '');
  }
  const verb = VERB.exec(norm.slice(end));
  const recipientFrom = verb ? end + verb.index + verb[0].length : -1;
  const recipient = verb
    ? text
        .slice(recipientFrom)
        .split(/[，,。；;]/u)[0]
        ?.trim()
    : undefined;
  return { title: title.replace(/^[\s(（\d)）]+|[\s(（]+$/gu, '').trim(), ...(recipient ? { recipient } : {}) };
}

/** "截稿时间：11月23日" has no object: the deadline word and the phase say what is due. */
function deadlineTitle(norm: string, at: number, text: string): string {
  const word = DEADLINE_WORD.exec(norm.slice(0, at));
  return word ? text.slice(word.index, word.index + (word[1]?.length ?? 0)) : text.trim();
}

function phaseOfLine(spans: PhaseSpan[], index: number): number | undefined {
  const found = spans.findIndex((span) => index >= span.from && index < span.to);
  return found < 0 ? undefined : found;
}

interface DatedFind {
  deliverable: Omit<DraftDeliverable, 'due'>;
  at: DayMention;
}

export function findDeliverables(
  lines: TextLine[],
  spans: PhaseSpan[],
): { dated: DatedFind[]; undated: DraftDeliverable[] } {
  const dated: DatedFind[] = [];
  const undated: DraftDeliverable[] = [];
  lines.forEach((line, index) => {
    for (const sentence of sentencesOf(line)) {
      let found = false;
      for (const expression of findDateExpressions(sentence.norm)) {
        const at = expression.kind === 'before' || expression.kind === 'single' ? expression.at : undefined;
        if (!at) continue;
        const end = expression.index + expression.text.length;
        const isDeadline =
          expression.kind === 'before'
            ? VERB.test(sentence.norm.slice(end))
            : DEADLINE_WORD.test(sentence.norm.slice(0, expression.index));
        if (!isDeadline) continue;
        const { title, recipient } =
          expression.kind === 'before'
            ? titleAndRecipient(sentence.text, sentence.norm, expression.index, end)
            : { title: deadlineTitle(sentence.norm, expression.index, sentence.text), recipient: undefined };
        const phase = phaseOfLine(spans, index);
        const source = sentenceAt(line, sentence.offset + expression.index);
        const deliverable = {
          title: title || sentence.text.trim(),
          kind: kindOf(title),
          source,
          ...(recipient ? { recipient } : {}),
          ...(phase === undefined ? {} : { phase }),
        };
        dated.push({ deliverable, at });
        found = true;
      }
      const phase = phaseOfLine(spans, index);
      if (!found && phase !== undefined && index !== spans[phase]?.from && UNDATED.test(sentence.norm)) {
        const clause = sentence.text.split(/[，,：:]/u).find((part) => UNDATED.test(normalizeForMatching(part)));
        const title = (clause ?? sentence.text).replace(/[。；;]$/u, '').trim();
        const source = sentenceAt(line, sentence.offset);
        undated.push({
          title,
          kind: kindOf(title),
          phase,
          source,
          due: unknownDate('文中未写日期'),
        });
      }
    }
  });
  return { dated, undated };
}

/** Each dated deliverable's due date, in its phase's year; one outside every phase goes to the phase its date falls in. */
export function resolveDeliverables(
  dated: DatedFind[],
  phases: DraftPhase[],
  year: number | undefined,
): DraftDeliverable[] {
  return dated.map(({ deliverable, at }) => {
    const phase = deliverable.phase ?? phaseByDate(phases, at);
    const start = phase === undefined ? undefined : phases[phase]?.start;
    const phaseYear = start?.kind === 'date' ? Number(start.iso.slice(0, 4)) : year;
    const startKey =
      start?.kind === 'date' || start?.kind === 'no-year'
        ? Number((start.kind === 'date' ? start.iso.slice(5) : start.monthDay.slice(2)).replace('-', ''))
        : undefined;
    const carry = startKey !== undefined && at.year === undefined && monthDayKey(at) < startKey ? 1 : 0;
    return {
      ...deliverable,
      ...(phase === undefined ? {} : { phase }),
      due: resolveMention(at, 'end', phaseYear, carry),
    };
  });
}

function phaseByDate(phases: DraftPhase[], at: DayMention): number | undefined {
  const key = monthDayKey(at);
  const toKey = (date: DraftPhase['start']) =>
    date.kind === 'date'
      ? Number(date.iso.slice(5).replace('-', ''))
      : date.kind === 'no-year'
        ? Number(date.monthDay.slice(2).replace('-', ''))
        : undefined;
  for (let i = phases.length - 1; i >= 0; i--) {
    const start = toKey((phases[i] as DraftPhase).start);
    if (start !== undefined && start <= key) return i;
  }
  return undefined;
}
