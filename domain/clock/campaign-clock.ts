import { localToInstant } from '../calendar/local-time';
import type { Plan } from '../plan/schema';
import { liveClock, rehearsalClock, type PlanClock } from './plan-clock';

export interface CampaignClockOptions {
  /** Plan time runs this many times faster than real time, starting at the plan's first day. */
  rehearsalScale?: number;
  /** Plan time a rehearsal runs before its first phase, so unit workflows settle before anything is due. */
  rehearsalLeadInMs?: number;
}

/**
 * Where a rehearsal's plan clock starts: midnight before the first phase (or, for a plan with
 * reception programmes only, before the first programme), or now if the plan has no dates.
 */
export function rehearsalOriginMs(plan: Plan, nowMs: number): number {
  const first = plan.phases[0]?.window;
  const reception = plan.phases.length === 0 ? plan.receptions?.[0]?.from : undefined;
  if (reception) return localToInstant(reception, '00:00', plan.campaign.timeZone);
  return first && 'start' in first ? localToInstant(first.start, '00:00', plan.campaign.timeZone) : nowMs;
}

/** The clock a campaign started at real time `nowMs` runs on: the real one, or a rehearsal's. */
export function campaignClock(plan: Plan, options: CampaignClockOptions, nowMs: number): PlanClock {
  if (!options.rehearsalScale) return liveClock(nowMs);
  const origin = rehearsalOriginMs(plan, nowMs) - (options.rehearsalLeadInMs ?? 0);
  return rehearsalClock(origin, nowMs, options.rehearsalScale);
}
