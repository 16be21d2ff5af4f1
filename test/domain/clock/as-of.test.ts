import { describe, expect, it } from 'vitest';
import { planTimeAsOf } from '../../../domain/clock/as-of';
import { liveClock, rehearsalClock } from '../../../domain/clock/plan-clock';
import { beijing } from '../../support/plans';

const REAL_START = Date.parse('2026-12-04T10:00:00Z');
const PLAN_START = beijing('2026-04-12');
// A rehearsal of one plan day per real minute.
const clock = rehearsalClock(PLAN_START, REAL_START, 1440);
const workflowNow = REAL_START + 60_000; // one plan day in

describe('the plan time a query answers for', () => {
  it("is the caller's when the caller's clock is ahead of the workflow's last activation", () => {
    expect(planTimeAsOf(clock, workflowNow, { realNowMs: REAL_START + 90_000 })).toBe(PLAN_START + 1.5 * 86_400_000);
  });

  it("is the workflow's when the caller's clock lags: a caller never sees the past", () => {
    expect(planTimeAsOf(clock, workflowNow, { realNowMs: REAL_START })).toBe(PLAN_START + 86_400_000);
  });

  it.each<[string, unknown]>([
    ['no argument', undefined],
    ['null', null],
    ['a number', REAL_START + 90_000],
    ['an object without the field', {}],
    ['a string for the time', { realNowMs: String(REAL_START + 90_000) }],
    ['NaN', { realNowMs: Number.NaN }],
    ['infinity', { realNowMs: Number.POSITIVE_INFINITY }],
  ])("is the workflow's when the caller sent %s", (_, asOf) => {
    expect(planTimeAsOf(clock, workflowNow, asOf)).toBe(PLAN_START + 86_400_000);
  });

  it('is real time itself on a live clock', () => {
    const live = liveClock(REAL_START);
    expect(planTimeAsOf(live, workflowNow, { realNowMs: workflowNow + 5 })).toBe(workflowNow + 5);
  });
});
