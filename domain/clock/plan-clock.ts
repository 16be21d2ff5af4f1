import { z } from 'zod';

/**
 * Maps plan time (the dates written in the plan) onto the real clock. In production the two are
 * the same (scale 1, both origins equal). A rehearsal starts plan time at the campaign's first day
 * and runs it `scale` times faster, so an office can watch months play out in minutes; the same
 * mechanism lets end-to-end tests run whole plans on an ordinary server.
 */
export const PlanClockSchema = z.object({
  planOriginMs: z.number(),
  realOriginMs: z.number(),
  scale: z.number().positive(),
});
export type PlanClock = z.infer<typeof PlanClockSchema>;

export function liveClock(nowMs: number): PlanClock {
  return { planOriginMs: nowMs, realOriginMs: nowMs, scale: 1 };
}

export function rehearsalClock(planStartMs: number, nowMs: number, scale: number): PlanClock {
  return { planOriginMs: planStartMs, realOriginMs: nowMs, scale };
}

export function isRehearsal(clock: PlanClock): boolean {
  return clock.scale !== 1 || clock.planOriginMs !== clock.realOriginMs;
}

export function planNow(clock: PlanClock, realNowMs: number): number {
  return clock.planOriginMs + (realNowMs - clock.realOriginMs) * clock.scale;
}

/** Real milliseconds to wait until plan time `planMs`; never negative. */
export function realDelayUntil(clock: PlanClock, realNowMs: number, planMs: number): number {
  return Math.max(0, Math.ceil((planMs - planNow(clock, realNowMs)) / clock.scale));
}
