import { planError, type PlanIssue } from './plan-issue';
import { PLAN_LIMITS, encodedBytes } from './plan-limits';

const KB = 1024;

/**
 * The whole plan against the payload bound: each field has its own bound in the schema, but many
 * fields within their bounds can still add up to more than the campaign's input may carry.
 */
export function checkPlanSize(plan: unknown): PlanIssue[] {
  const bytes = encodedBytes(plan);
  if (bytes <= PLAN_LIMITS.encodedBytes) return [];
  const message =
    `the plan takes ${Math.ceil(bytes / KB)} KB as the campaign's input, more than the ${PLAN_LIMITS.encodedBytes / KB} KB ` +
    `a campaign may carry (the server's limit for a whole payload is ${PLAN_LIMITS.serverPayloadBytes / KB / KB} MB)`;
  return [planError('plan_too_large', [], message)];
}
