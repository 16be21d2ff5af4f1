import { describe, expect, it } from 'vitest';
import { campaignClock, rehearsalOriginMs } from '../../../domain/clock/campaign-clock';
import { isRehearsal, planNow } from '../../../domain/clock/plan-clock';
import { smallPlan } from '../../support/plans';

const HOUR = 3_600_000;
const REAL_NOW = Date.parse('2026-12-04T19:00:00Z');
/** Midnight before the small plan's first phase (2026-04-12), in the plan's time zone. */
const FIRST_DAY = Date.parse('2026-04-12T00:00:00+08:00');

describe("a campaign's clock", () => {
  it('is the real clock for a live campaign', () => {
    const clock = campaignClock(smallPlan('live'), {}, REAL_NOW);
    expect(isRehearsal(clock)).toBe(false);
    expect(planNow(clock, REAL_NOW + HOUR)).toBe(REAL_NOW + HOUR);
  });

  it('starts a rehearsal at midnight before the first phase, running `scale` times faster', () => {
    const clock = campaignClock(smallPlan('rehearsal'), { rehearsalScale: 24 }, REAL_NOW);
    expect(isRehearsal(clock)).toBe(true);
    expect(planNow(clock, REAL_NOW)).toBe(FIRST_DAY);
    expect(planNow(clock, REAL_NOW + HOUR)).toBe(FIRST_DAY + 24 * HOUR);
  });

  it('starts a rehearsal earlier by its lead-in', () => {
    const clock = campaignClock(smallPlan('lead-in'), { rehearsalScale: 2, rehearsalLeadInMs: 12 * HOUR }, REAL_NOW);
    expect(planNow(clock, REAL_NOW)).toBe(FIRST_DAY - 12 * HOUR);
  });

  it('starts a rehearsal now when the first phase has no date', () => {
    const plan = smallPlan('undated');
    const undated = { ...plan, phases: plan.phases.map((p) => ({ ...p, window: { duration: '3d' } })) };
    expect(rehearsalOriginMs(undated, REAL_NOW)).toBe(REAL_NOW);
  });
});
