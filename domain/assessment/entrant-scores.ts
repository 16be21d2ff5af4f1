import type { AssessmentModel, EntrantModel, ItemModel } from './assessment-model';
import { contribution } from './assessment-model';
import { combineScores, type CombineFailure, type DropReason } from './combine';
import { Decimal, ZERO, dec, sum } from './decimal';
import { factValue, type UnitFacts } from './facts';
import { scoreKey, type AcceptedScore, type ScoreIssue } from './score-sheet';

/**
 * One entrant's items: each assessor's score, which were dropped, the combined score and what it
 * adds to the total; computed items with the fact they come from. Missing scores are warned of;
 * an item that cannot be combined (no score, or fewer than a trimmed mean drops) is an error.
 */

export interface AssessorLine {
  assessor: string;
  score: Decimal;
  dropped?: DropReason;
}

export interface ItemResult {
  item: string;
  name: string;
  score: Decimal;
  contribution: Decimal;
  assessors: AssessorLine[];
  fact?: { fact: string; value: Decimal };
}

type Scores = ReadonlyMap<string, AcceptedScore>;

interface Context {
  model: AssessmentModel;
  scores: Scores;
  issues: ScoreIssue[];
}

function nameOf(ctx: Context, assessor: string): string {
  return ctx.model.assessors.get(assessor) ?? assessor;
}

function failureMessage(entrant: EntrantModel, what: string, failure: CombineFailure): string {
  if (failure.code === 'no_scores') return `${entrant.name}: ${what} has no score yet`;
  return `${entrant.name}: ${what} has ${failure.count} score(s), and the trimmed mean drops ${failure.drops}; at least ${failure.drops + 1} are needed`;
}

function warnMissing(ctx: Context, entrant: EntrantModel, what: string, missing: string[]): void {
  if (missing.length === 0) return;
  const message = `${entrant.name}: ${what} has no score from ${missing.map((a) => nameOf(ctx, a)).join(', ')}`;
  ctx.issues.push({ severity: 'warning', code: 'missing_scores', message });
}

function computedItem(item: ItemModel, facts: UnitFacts): ItemResult {
  const rule = item.computed;
  const value = rule ? factValue(facts, rule.fact) : ZERO;
  const perEach = rule?.perEach;
  const raw = perEach === undefined ? item.max.times(value) : item.max.minus(value.times(dec(perEach)));
  const score = Decimal.max(ZERO, raw);
  return {
    item: item.id,
    name: item.name,
    score,
    contribution: contribution(item, score),
    assessors: [],
    ...(rule ? { fact: { fact: rule.fact, value } } : {}),
  };
}

function scoredItem(ctx: Context, entrant: EntrantModel, item: ItemModel): ItemResult | undefined {
  const given = item.assessors.flatMap((assessor) => {
    const found = ctx.scores.get(scoreKey(entrant.id, item.id, assessor));
    return found ? [{ assessor, score: found.score }] : [];
  });
  warnMissing(
    ctx,
    entrant,
    item.name,
    item.assessors.filter((a) => !given.some((g) => g.assessor === a)),
  );
  const result = combineScores(given, ctx.model.assessment.combine);
  if (!result.ok) {
    const code = result.failure.code;
    ctx.issues.push({ severity: 'error', code, message: failureMessage(entrant, item.name, result.failure) });
    return undefined;
  }
  const dropped = new Map(result.combined.dropped.map((d) => [d.assessor, d.reason]));
  const assessors = given.map((g) => ({
    ...g,
    ...(dropped.has(g.assessor) ? { dropped: dropped.get(g.assessor) } : {}),
  }));
  const score = result.combined.value;
  return { item: item.id, name: item.name, score, contribution: contribution(item, score), assessors };
}

/**
 * Over assessor-total: each assessor's scores of the entrant are added up (as they count toward
 * the total), the totals are combined, and every item is then the mean of the kept assessors'
 * scores of it, so the items still add up to the total.
 */
function byAssessorTotals(ctx: Context, entrant: EntrantModel, items: ItemModel[]): ItemResult[] | undefined {
  const assessors = items[0]?.assessors ?? [];
  const totals: { assessor: string; score: Decimal }[] = [];
  const missing: string[] = [];
  for (const assessor of assessors) {
    const given = items.flatMap((item) => {
      const found = ctx.scores.get(scoreKey(entrant.id, item.id, assessor));
      return found ? [contribution(item, found.score)] : [];
    });
    if (given.length === items.length) totals.push({ assessor, score: sum(given) });
    else if (given.length === 0) missing.push(assessor);
    else {
      const message = `${entrant.name}: ${nameOf(ctx, assessor)} scored ${given.length} of ${items.length} items; a whole mark is needed when assessors' totals are combined`;
      ctx.issues.push({ severity: 'error', code: 'incomplete_mark', message });
    }
  }
  warnMissing(ctx, entrant, 'the mark', missing);
  const result = combineScores(totals, ctx.model.assessment.combine);
  if (!result.ok) {
    const code = result.failure.code;
    ctx.issues.push({ severity: 'error', code, message: failureMessage(entrant, 'the mark', result.failure) });
    return undefined;
  }
  const dropped = new Map(result.combined.dropped.map((d) => [d.assessor, d.reason]));
  return items.map((item) => {
    const lines = totals.map(({ assessor }) => {
      const score = ctx.scores.get(scoreKey(entrant.id, item.id, assessor))?.score ?? ZERO;
      return { assessor, score, ...(dropped.has(assessor) ? { dropped: dropped.get(assessor) } : {}) };
    });
    const kept = lines.filter((line) => !line.dropped).map((line) => line.score);
    const score = sum(kept).div(kept.length);
    return { item: item.id, name: item.name, score, contribution: contribution(item, score), assessors: lines };
  });
}

/** Every item of one entrant in plan order, or undefined when one cannot be combined (the issue says why). */
export function itemResults(
  model: AssessmentModel,
  scores: Scores,
  issues: ScoreIssue[],
  entrant: EntrantModel,
  facts: UnitFacts,
): ItemResult[] | undefined {
  const ctx: Context = { model, scores, issues };
  const scored = model.items.filter((item) => !item.computed);
  const byTotal =
    model.assessment.combine.over === 'assessor-total' && scored.length > 0
      ? byAssessorTotals(ctx, entrant, scored)
      : undefined;
  const results = model.items.map((item) => {
    if (item.computed) return computedItem(item, facts);
    if (model.assessment.combine.over === 'assessor-total') return byTotal?.find((r) => r.item === item.id);
    return scoredItem(ctx, entrant, item);
  });
  return results.every((r) => r !== undefined) ? results : undefined;
}
