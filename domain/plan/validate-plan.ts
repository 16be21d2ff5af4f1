import { checkApprovers } from './check-approvers';
import { checkCalendarCoverage } from './check-calendar';
import { checkCampaignWindow } from './check-campaign-window';
import { checkDuties } from './check-duties';
import { checkPlanSize } from './check-plan-size';
import { checkAssessment } from './check-assessment';
import { checkReceptions } from './check-receptions';
import { checkReferences } from './check-references';
import { checkPhaseWindows } from './phase-windows';
import { checkTiming } from './check-timing';
import { formatIssue, formatIssuePath, type PlanIssue } from './plan-issue';
import { asLoose, salvagePlan, type LoosePlan } from './salvage-plan';
import { mapSchemaIssues } from './schema-issues';
import { PlanSchema, type Plan } from './schema';
import { findPlaceholders, isPlaceholderEcho, placeholderIssue } from './placeholders';

export { formatIssue, formatIssuePath };
export type { IssuePath, PlanIssue } from './plan-issue';

/** `remaining`: in draft mode, the placeholders (待填) still to be filled, which are then not errors. */
export type PlanValidation =
  | { ok: true; plan: Plan; warnings: PlanIssue[]; remaining?: PlanIssue[] }
  | { ok: false; errors: PlanIssue[]; warnings: PlanIssue[]; remaining?: PlanIssue[] };

export interface ValidateOptions {
  /** A draft (`campaign draft`): placeholders are what remains to fill, not errors. */
  draft?: boolean;
}

function crossFieldIssues(plan: LoosePlan, input: unknown): PlanIssue[] {
  const receptions = isMapping(input) ? checkReceptions(plan) : [];
  return [
    ...checkReferences(plan),
    ...checkPhaseWindows(plan.phases),
    ...checkTiming(plan),
    ...checkCampaignWindow(plan),
    ...checkDuties(plan),
    ...checkCalendarCoverage(plan),
    ...checkApprovers(plan),
    ...checkAssessment(plan, input),
    ...receptions,
  ];
}

const isMapping = (input: unknown) => input !== null && typeof input === 'object' && !Array.isArray(input);

/**
 * Checks a plan file's content and reports every problem at once, as data: schema issues first
 * (in file order), then the cross-field rules. When the schema rejects part of the plan, the
 * cross-field rules still run on the valid parts, so fixing one mistake never reveals another.
 */
export function validatePlan(input: unknown, options: ValidateOptions = {}): PlanValidation {
  const parsed = PlanSchema.safeParse(input);
  const schemaIssues = parsed.success ? [] : mapSchemaIssues(parsed.error.issues, input);
  const found = findPlaceholders(input);
  const issues = [
    ...schemaIssues,
    ...crossFieldIssues(parsed.success ? asLoose(parsed.data) : salvagePlan(input), input),
    ...checkPlanSize(parsed.success ? parsed.data : input),
  ];
  const real = issues.filter((issue) => !isPlaceholderEcho(issue, found));
  const toFill = found.map(placeholderIssue);
  const errors = [...(options.draft ? [] : toFill), ...real.filter((issue) => issue.severity === 'error')];
  const warnings = real.filter((issue) => issue.severity === 'warning');
  const remaining = options.draft ? { remaining: toFill } : {};
  if (parsed.success && errors.length === 0 && found.length === 0)
    return { ok: true, plan: parsed.data, warnings, ...remaining };
  return { ok: false, errors, warnings, ...remaining };
}
