import { assessmentModel, type AssessmentModel } from '../../../domain/assessment/assessment-model';
import { computeAssessment, type AssessmentComputation } from '../../../domain/assessment/compute-assessment';
import type { z } from 'zod';
import { AssessmentFactsSchema } from '../../../domain/assessment/facts';
import { readScoreSheet, type ScoreRow } from '../../../domain/assessment/score-sheet';
import type { AssessmentInput } from '../../../domain/plan/assessment-schema';
import type { PlanInput } from '../../../domain/plan/schema';
import { validatePlan } from '../../../domain/plan/validate-plan';
import { basePlan } from '../plan/plan-fixture';

/** The fixture plan with `units` entrants (u1, u2, …) and the given assessment, checked like any plan. */
export function modelOf(assessment: AssessmentInput, units = 3): AssessmentModel {
  const plan: PlanInput = basePlan();
  plan.units = Array.from({ length: units }, (_, i) => ({
    id: `u${i + 1}`,
    name: `单位${i + 1}`,
    head: { name: 'head' },
    contact: { name: 'contact', email: `u${i + 1}@example.org` },
  }));
  plan.assessment = assessment;
  const checked = validatePlan(plan);
  if (!checked.ok) throw new Error(checked.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('; '));
  if (!checked.plan.assessment) throw new Error('no assessment');
  return assessmentModel({ ...checked.plan, assessment: checked.plan.assessment });
}

/** Facts as a test writes them: only the counts that matter, the rest 0. */
export type FactsInput = z.input<typeof AssessmentFactsSchema>;

export const panel = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `j${i + 1}`, name: `评委${i + 1}`, email: `j${i + 1}@example.org` }));

/** Score rows from a table: `{ u1: { item: [j1, j2, …] } }` — the i-th score is judge j(i+1)'s. */
export function rowsOf(table: Record<string, Record<string, (string | undefined)[]>>): ScoreRow[] {
  const rows: ScoreRow[] = [];
  for (const [unit, items] of Object.entries(table)) {
    for (const [item, scores] of Object.entries(items)) {
      scores.forEach((score, i) => {
        if (score !== undefined) rows.push({ row: rows.length + 2, assessor: `j${i + 1}`, unit, item, score });
      });
    }
  }
  return rows;
}

export function compute(model: AssessmentModel, rows: ScoreRow[], facts: FactsInput = {}): AssessmentComputation {
  return computeAssessment(model, readScoreSheet(model, rows), AssessmentFactsSchema.parse(facts));
}

export function resultOf(model: AssessmentModel, rows: ScoreRow[], facts: FactsInput = {}) {
  const computed = compute(model, rows, facts);
  if (!computed.ok) throw new Error(computed.errors.map((e) => e.message).join('; '));
  return computed.result;
}
