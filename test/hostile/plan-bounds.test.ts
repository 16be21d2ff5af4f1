import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_DEADLINES, PUBLISHED_OVERDUE_LISTED } from '../../domain/campaign/published-status';
import { PLAN_LIMITS, encodedBytes } from '../../domain/plan/plan-limits';
import { validatePlan } from '../../domain/plan/validate-plan';
import { planOfShape, planShapes } from './support/plan-sizes';

/**
 * Finding 2: validate must refuse what the server would. For plans of every size up to and past
 * the bounds, a plan validate accepts fits the campaign's input bound, and what its memos carry
 * (the title, a phase name, the deadlines and overdue entries the published status lists) fits
 * the server's memo limit many times over. The CLI test starts plans at the bound on a real server.
 */
describe('plan bounds', () => {
  it('a plan validate accepts fits the payload and memo limits', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(planShapes, (shape) => {
        const result = validatePlan(planOfShape('sized', shape));
        if (!result.ok) {
          refused += 1;
          expect(result.errors.length).toBeGreaterThan(0);
          return;
        }
        accepted += 1;
        const plan = result.plan;
        expect(encodedBytes(plan)).toBeLessThanOrEqual(PLAN_LIMITS.encodedBytes);
        const longestTitle = Math.max(...plan.phases.flatMap((p) => p.deliverables.map((d) => encodedBytes(d.title))));
        const longestUnit = Math.max(...plan.units.map((u) => encodedBytes(u.name)));
        const memo =
          2 * encodedBytes(plan.campaign.title) +
          Math.max(...plan.phases.map((p) => encodedBytes(p.name))) +
          PUBLISHED_DEADLINES * longestTitle +
          PUBLISHED_OVERDUE_LISTED * (longestTitle + longestUnit + 200);
        expect(memo).toBeLessThan(PLAN_LIMITS.serverPayloadBytes / 100);
      }),
      { numRuns: 60, seed: 21 },
    );
    // Both sides of the bound were reached, so the property said something.
    expect(accepted).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(5);
  });

  it('names the bound a refused plan passed', () => {
    const tooMany = validatePlan(
      planOfShape('many', {
        title: '演练',
        unitName: '单位',
        units: 1,
        phases: 1,
        deliverables: 101,
        deliverableTitle: '名单',
      }),
    );
    expect(tooMany.ok ? [] : tooMany.errors.map((e) => e.path.join('.'))).toContain('phases.0.deliverables');
    const heavy = validatePlan(
      planOfShape('heavy', {
        title: '演练',
        unitName: '长'.repeat(90),
        units: 2000,
        phases: 1,
        deliverables: 1,
        deliverableTitle: '名单',
      }),
    );
    expect(heavy).toMatchObject({ ok: false, errors: [{ code: 'plan_too_large' }] });
    expect(heavy.ok ? '' : heavy.errors[0]?.message).toMatch(
      /the plan takes \d+ KB as the campaign's input, more than the 512 KB/,
    );
  });
});
