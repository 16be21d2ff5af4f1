import type { ConsequenceKind, DraftConsequence, DraftRecurring } from './draft-model';
import { sentenceAt, sentencesOf, type TextLine } from './text-lines';

/** Recurring reports ("每周五前上报", "每月通报", "定期上报工作进展情况") and consequences (通报批评, 责任追究, 一票否决). */
const RECURRING =
  /(每周([一二三四五六日天])?|每月(\d{1,2})?日?|定期)[^，,。；]{0,10}?(汇总|通报|上报|报送|报告)[^，,。；]{0,12}/u;
const WEEKDAYS = '一二三四五六日';
const CONSEQUENCES: [RegExp, ConsequenceKind][] = [
  [/通报批评/u, 'public-notice'],
  [/责任追究|追究[^，,。；]{0,14}责任/u, 'accountability'],
  [/一票否决/u, 'veto'],
  [/诫勉/u, 'admonition'],
];

export function findRecurring(lines: TextLine[]): DraftRecurring[] {
  const found: DraftRecurring[] = [];
  for (const line of lines) {
    for (const sentence of sentencesOf(line)) {
      const match = RECURRING.exec(sentence.norm);
      if (!match) continue;
      const source = sentenceAt(line, sentence.offset + match.index);
      const what = sentence.text.slice(match.index, match.index + match[0].length);
      const every = match[1]?.startsWith('每周') ? 'week' : match[1]?.startsWith('每月') ? 'month' : 'unknown';
      const weekday = match[2] ? WEEKDAYS.indexOf(match[2] === '天' ? '日' : match[2]) + 1 : undefined;
      const day = match[3] ? Number(match[3]) : undefined;
      found.push({ what, every, source, ...(weekday ? { weekday } : {}), ...(day ? { dayOfMonth: day } : {}) });
    }
  }
  return found;
}

export function findConsequences(lines: TextLine[]): DraftConsequence[] {
  const found: DraftConsequence[] = [];
  for (const line of lines) {
    for (const [pattern, kind] of CONSEQUENCES) {
      const match = pattern.exec(line.norm);
      if (!match || found.some((c) => c.kind === kind)) continue;
      found.push({
        kind,
        words: line.text.slice(match.index, match.index + match[0].length),
        source: sentenceAt(line, match.index),
      });
    }
  }
  return found;
}
