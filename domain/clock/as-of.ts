import { planNow, type PlanClock } from './plan-clock';

/**
 * The plan time a query should answer for: the caller's real clock when it sent a sane one, never
 * earlier than the workflow's own time (a caller whose clock lags must not see the past).
 */
export function planTimeAsOf(clock: PlanClock, workflowRealNowMs: number, asOf: unknown): number {
  const callerMs =
    typeof asOf === 'object' &&
    asOf !== null &&
    'realNowMs' in asOf &&
    typeof asOf.realNowMs === 'number' &&
    Number.isFinite(asOf.realNowMs)
      ? asOf.realNowMs
      : workflowRealNowMs;
  return planNow(clock, Math.max(workflowRealNowMs, callerMs));
}
