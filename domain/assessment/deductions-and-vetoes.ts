import type { AssessmentModel, EntrantModel } from './assessment-model';
import { Decimal, ZERO, dec, sum } from './decimal';
import { FACT_NAMES, factValue, type LeaderVeto, type UnitFacts } from './facts';
import type { ScoreIssue } from './score-sheet';

/**
 * What is taken off a total (e.g. 0.5 per 通报批评, at most 1) and what vetoes an entrant outright
 * (一票否决): a fact reaching its count, or a leader's recorded veto with its reason. A veto keeps
 * the entrant in the ranking with its score, and out of every award.
 */

export interface DeductionLine {
  id: string;
  name: string;
  count: number;
  points: Decimal;
}

export function deductionsOf(model: AssessmentModel, facts: UnitFacts): { lines: DeductionLine[]; total: Decimal } {
  const lines = model.assessment.deductions.flatMap((deduction) => {
    const count = factValue(facts, deduction.fact).toNumber();
    if (count === 0) return [];
    const full = dec(deduction.points).times(count);
    const points = deduction.max === undefined ? full : Decimal.min(full, dec(deduction.max));
    return [{ id: deduction.id, name: deduction.name, count, points }];
  });
  return { lines, total: lines.length ? sum(lines.map((line) => line.points)) : ZERO };
}

export function factVetoes(model: AssessmentModel, facts: UnitFacts): string[] {
  return model.assessment.veto.when.flatMap((rule) => {
    const count = factValue(facts, rule.fact).toNumber();
    if (count < rule.atLeast) return [];
    return [`${FACT_NAMES[rule.fact]} ${count}（一票否决：${rule.atLeast} 次及以上）`];
  });
}

/** Leaders' vetoes by entrant, each as the sentence published; a veto the plan does not allow is an error. */
export function leaderVetoes(
  model: AssessmentModel,
  vetoes: readonly LeaderVeto[],
  issues: ScoreIssue[],
): Map<string, string[]> {
  const byEntrant = new Map<string, string[]>();
  const entrants = new Map<string, EntrantModel>(model.entrants.map((e) => [e.id, e]));
  for (const veto of vetoes) {
    const fail = (code: string, message: string) => issues.push({ severity: 'error', code, message });
    if (!model.assessment.veto.byLeaders) fail('veto_not_allowed', 'this assessment takes no veto from leaders');
    else if (!model.leaders.has(veto.by))
      fail('veto_not_by_leader', `"${veto.by}" is not a leader of the leading group`);
    else if (!entrants.has(veto.entrant)) fail('unknown_unit', `"${veto.entrant}" is not one of the units assessed`);
    else {
      const reason = `${model.assessors.get(veto.by) ?? veto.by}：${veto.reason}`;
      byEntrant.set(veto.entrant, [...(byEntrant.get(veto.entrant) ?? []), reason]);
    }
  }
  return byEntrant;
}
