import { checkReceptions } from './check-receptions';
import { checkReferences } from './check-references';
import { checkPhaseWindows } from './phase-windows';
import { checkTiming } from './check-timing';
import { formatIssue, formatIssuePath, type PlanIssue } from './plan-issue';
import { asLoose, salvagePlan, type LoosePlan } from './salvage-plan';
import { mapSchemaIssues } from './schema-issues';
import { PlanSchema, type Plan } from './schema';

export { formatIssue, formatIssuePath };
export type { IssuePath, PlanIssue } from './plan-issue';

export type PlanValidation =
  { ok: true; plan: Plan; warnings: PlanIssue[] } | { ok: false; errors: PlanIssue[]; warnings: PlanIssue[] };

function crossFieldIssues(plan: LoosePlan, isMapping: boolean): PlanIssue[] {
  const receptions = isMapping ? checkReceptions(plan) : [];
  return [...checkReferences(plan), ...checkPhaseWindows(plan.phases), ...checkTiming(plan), ...receptions];
}

const isMapping = (input: unknown) => input !== null && typeof input === 'object' && !Array.isArray(input);

/**
 * Checks a plan file's content and reports every problem at once, as data: schema issues first
 * (in file order), then the cross-field rules. When the schema rejects part of the plan, the
 * cross-field rules still run on the valid parts, so fixing one mistake never reveals another.
 */
export function validatePlan(input: unknown): PlanValidation {
  const parsed = PlanSchema.safeParse(input);
  const schemaIssues = parsed.success ? [] : mapSchemaIssues(parsed.error.issues, input);
  const issues = [
    ...schemaIssues,
    ...crossFieldIssues(parsed.success ? asLoose(parsed.data) : salvagePlan(input), isMapping(input)),
  ];
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  if (parsed.success && errors.length === 0) return { ok: true, plan: parsed.data, warnings };
  return { ok: false, errors, warnings };
}
