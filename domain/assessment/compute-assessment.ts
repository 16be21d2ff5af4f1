import { maxTotalOf, type AssessmentModel, type EntrantModel } from './assessment-model';
import { giveAwards } from './awards';
import { Decimal, ZERO, fixed, round, sum } from './decimal';
import { deductionsOf, factVetoes, leaderVetoes, type DeductionLine } from './deductions-and-vetoes';
import { itemResults, type ItemResult } from './entrant-scores';
import { FACT_NAMES, NO_FACTS, type AssessmentFacts } from './facts';
import { rank } from './ranking';
import type { AssessmentResult, EntrantResult, ItemLine } from './result-schema';
import type { ScoreIssue, ScoreSheet } from './score-sheet';

/**
 * The whole computation: every entrant's items, deductions and vetoes, the total computed exactly
 * and rounded once to the plan's decimals (floored at 0), the ranking by that published total,
 * and the awards. Any error (a score that cannot be combined, a veto the plan does not allow)
 * refuses the whole result, so nothing half-computed is ever published.
 */

export type AssessmentComputation =
  { ok: true; result: AssessmentResult } | { ok: false; errors: ScoreIssue[]; warnings: ScoreIssue[] };

interface Scored {
  entrant: EntrantModel;
  items: ItemResult[];
  subtotal: Decimal;
  deductions: DeductionLine[];
  total: Decimal;
  vetoes: string[];
}

function scoreEntrant(
  model: AssessmentModel,
  sheet: ScoreSheet,
  facts: AssessmentFacts,
  entrant: EntrantModel,
  vetoes: Map<string, string[]>,
  issues: ScoreIssue[],
): Scored | undefined {
  const unitFacts = (entrant.unit !== undefined ? facts.units[entrant.unit] : undefined) ?? NO_FACTS;
  const items = itemResults(model, sheet.scores, issues, entrant, unitFacts);
  if (!items) return undefined;
  const { decimals, rounding } = model.assessment;
  const subtotal = sum(items.map((item) => item.contribution));
  const deducted = deductionsOf(model, unitFacts);
  const total = round(Decimal.max(ZERO, subtotal.minus(deducted.total)), decimals, rounding);
  const allVetoes = [...factVetoes(model, unitFacts), ...(vetoes.get(entrant.id) ?? [])];
  return { entrant, items, subtotal, deductions: deducted.lines, total, vetoes: allVetoes };
}

function itemLine(model: AssessmentModel, item: ItemResult): ItemLine {
  const { decimals, rounding } = model.assessment;
  const show = (value: Decimal) => fixed(round(value, decimals, rounding), decimals);
  return {
    item: item.item,
    name: item.name,
    score: show(item.score),
    contribution: show(item.contribution),
    assessors: item.assessors.map((line) => ({
      assessor: line.assessor,
      name: model.assessors.get(line.assessor) ?? line.assessor,
      score: line.score.toString(),
      ...(line.dropped ? { dropped: line.dropped } : {}),
    })),
    ...(item.fact
      ? {
          fact: {
            fact: item.fact.fact,
            name: FACT_NAMES[item.fact.fact as keyof typeof FACT_NAMES],
            value: fixed(round(item.fact.value, 4, 'half-up'), 4),
          },
        }
      : {}),
  };
}

export function computeAssessment(
  model: AssessmentModel,
  sheet: ScoreSheet,
  facts: AssessmentFacts,
): AssessmentComputation {
  const issues: ScoreIssue[] = [...sheet.issues];
  const vetoes = leaderVetoes(model, facts.vetoes, issues);
  const scored = model.entrants.map((entrant) => scoreEntrant(model, sheet, facts, entrant, vetoes, issues));
  const errors = issues.filter((issue) => issue.severity === 'error');
  const complete = scored.filter((s): s is Scored => s !== undefined);
  if (errors.length > 0 || complete.length < scored.length) {
    return { ok: false, errors, warnings: issues.filter((issue) => issue.severity === 'warning') };
  }
  const { decimals, rounding, tieBreak, title } = model.assessment;
  const ranked = rank(
    complete.map((s) => ({
      ...s,
      entrant: s.entrant.id,
      model: s.entrant,
      tieKeys: tieBreak.map((id) =>
        round(s.items.find((item) => item.item === id)?.contribution ?? ZERO, decimals, rounding),
      ),
    })),
  );
  const awards = giveAwards(
    model.assessment,
    ranked.map((r) => ({
      entrant: r.entrant,
      ...(r.model.group ? { group: r.model.group } : {}),
      total: r.total,
      rank: r.rank,
      vetoed: r.vetoes.length > 0,
    })),
  );
  const ranking: EntrantResult[] = ranked.map((r) => ({
    rank: r.rank,
    entrant: r.entrant,
    name: r.model.name,
    ...(r.model.group ? { group: r.model.group } : {}),
    items: r.items.map((item) => itemLine(model, item)),
    subtotal: fixed(round(r.subtotal, decimals, rounding), decimals),
    deductions: r.deductions.map((d) => ({ ...d, points: d.points.toString() })),
    total: fixed(r.total, decimals),
    vetoes: r.vetoes,
    ...(awards.awardOf.has(r.entrant) ? { award: awards.awardOf.get(r.entrant) } : {}),
  }));
  return {
    ok: true,
    result: {
      title,
      decimals,
      maxTotal: maxTotalOf(model).toString(),
      ranking,
      awards: awards.lists,
      vetoed: ranking
        .filter((r) => r.vetoes.length > 0)
        .map((r) => ({ entrant: r.entrant, name: r.name, reasons: r.vetoes })),
      warnings: [...issues, ...awards.notes],
    },
  };
}
