import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../domain/plan/validate-plan';
import { deliverableAt, issuesOf, phaseAt } from './plan-fixture';

describe('a plan on the cn-mainland calendar', () => {
  it('needs no days typed for a published year', () => {
    expect(
      issuesOf((plan) => {
        plan.campaign.calendar = { preset: 'cn-mainland' };
      }),
    ).toEqual({ errors: [], warnings: [] });
  });

  it('is warned when its phases reach a year the preset does not hold yet', () => {
    const { warnings } = issuesOf((plan) => {
      plan.campaign.calendar = { preset: 'cn-mainland' };
      phaseAt(plan, 1).window = { start: '2026-04-20', end: '2027-01-15' };
      deliverableAt(plan, 1, 0).due = '2027-01-15';
    });
    expect(warnings.map(formatIssue)).toEqual([
      'campaign.calendar.preset: the cn-mainland calendar has no published holidays for 2027 (it covers 2021, 2022, 2023, 2024, 2025, 2026): ' +
        "list that year's days off and make-up workdays under daysOff and workdays",
    ]);
  });
});

describe('postponement on days off (遇节假日顺延)', () => {
  it('warns when it carries a due date past the end of its phase', () => {
    const { warnings } = issuesOf((plan) => {
      Object.assign(plan.campaign, { calendar: { preset: 'cn-mainland' }, postponeDueDatesOnDaysOff: true });
      phaseAt(plan, 0).window = { start: '2026-04-27', end: '2026-05-01' };
      deliverableAt(plan, 0, 0).due = '2026-05-01';
      phaseAt(plan, 1).window = { start: '2026-05-06', end: '2026-07-15' };
    });
    expect(warnings).toMatchObject([
      { code: 'postponed_past_phase_end', path: ['phases', 0, 'deliverables', 0, 'due'] },
    ]);
    expect(warnings[0]!.message).toContain(
      'postponed (遇节假日顺延) to 2026-05-06, after the phase ends on 2026-05-01',
    );
  });

  it('says nothing when the plan does not postpone', () => {
    const { warnings } = issuesOf((plan) => {
      plan.campaign.calendar = { preset: 'cn-mainland' };
      phaseAt(plan, 0).window = { start: '2026-04-27', end: '2026-05-01' };
      deliverableAt(plan, 0, 0).due = '2026-05-01';
      phaseAt(plan, 1).window = { start: '2026-05-06', end: '2026-07-15' };
    });
    expect(warnings).toEqual([]);
  });
});
