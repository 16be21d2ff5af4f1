import type { Combine } from '../plan/assessment-schema';
import { sum, type Decimal } from './decimal';

/**
 * Several assessors' scores of one thing, combined as the plan says: the mean, the median, or the
 * mean after dropping the N highest and N lowest (去掉一个最高分和一个最低分). Which of two equal
 * scores is dropped does not change the result; the earlier assessor in id order is named, so the
 * published breakdown is the same every time.
 */

export interface AssessorScore {
  assessor: string;
  score: Decimal;
}

export type DropReason = 'highest' | 'lowest';

export interface Combined {
  value: Decimal;
  /** The assessors whose scores make the value. */
  kept: string[];
  dropped: { assessor: string; reason: DropReason }[];
}

export type CombineFailure = { code: 'no_scores' } | { code: 'too_few_to_trim'; count: number; drops: number };

function ascending(scores: readonly AssessorScore[]): AssessorScore[] {
  return [...scores].sort((a, b) => a.score.cmp(b.score) || (a.assessor < b.assessor ? -1 : 1));
}

function mean(scores: readonly AssessorScore[]): Decimal {
  return sum(scores.map((s) => s.score)).div(scores.length);
}

export function combineScores(
  scores: readonly AssessorScore[],
  combine: Combine,
): { ok: true; combined: Combined } | { ok: false; failure: CombineFailure } {
  if (scores.length === 0) return { ok: false, failure: { code: 'no_scores' } };
  const sorted = ascending(scores);
  if (combine.method === 'mean') {
    return { ok: true, combined: { value: mean(sorted), kept: sorted.map((s) => s.assessor), dropped: [] } };
  }
  if (combine.method === 'median') {
    const middle = (sorted.length - 1) / 2;
    const kept = sorted.slice(Math.floor(middle), Math.ceil(middle) + 1);
    const dropped = sorted
      .filter((s) => !kept.includes(s))
      .map((s): { assessor: string; reason: DropReason } => ({
        assessor: s.assessor,
        reason: sorted.indexOf(s) < middle ? 'lowest' : 'highest',
      }));
    return { ok: true, combined: { value: mean(kept), kept: kept.map((s) => s.assessor), dropped } };
  }
  const drops = combine.dropHighest + combine.dropLowest;
  if (sorted.length <= drops) return { ok: false, failure: { code: 'too_few_to_trim', count: sorted.length, drops } };
  const kept = sorted.slice(combine.dropLowest, sorted.length - combine.dropHighest);
  const dropped = [
    ...sorted.slice(0, combine.dropLowest).map((s) => ({ assessor: s.assessor, reason: 'lowest' as const })),
    ...sorted
      .slice(sorted.length - combine.dropHighest)
      .map((s) => ({ assessor: s.assessor, reason: 'highest' as const })),
  ];
  return { ok: true, combined: { value: mean(kept), kept: kept.map((s) => s.assessor), dropped } };
}
