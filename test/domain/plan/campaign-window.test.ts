import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../domain/plan/validate-plan';
import { deliverableAt, issuesOf } from './plan-fixture';

// The fixture's phases run 4/14–7/15; its summary is due on the last day.
const window = { start: '2026-04-01', end: '2026-07-31' };

describe('the campaign window (活动时间)', () => {
  it('holds phases inside it without a word', () => {
    expect(issuesOf((plan) => Object.assign(plan.campaign, { window }))).toEqual({ errors: [], warnings: [] });
  });

  it('lets the final summary fall after the last phase, inside the window, without a warning', () => {
    const { errors, warnings } = issuesOf((plan) => {
      Object.assign(plan.campaign, { window });
      deliverableAt(plan, 1, 0).due = '2026-07-25';
    });
    expect([...errors, ...warnings]).toEqual([]);
    // Without a window it is still the warning it always was.
    const without = issuesOf((plan) => {
      deliverableAt(plan, 1, 0).due = '2026-07-25';
    });
    expect(without.warnings.map((w) => w.code)).toEqual(['due_after_phase_end']);
  });

  it('refuses a phase that starts before or ends after the window, naming both dates in Chinese', () => {
    const { errors } = issuesOf((plan) => {
      Object.assign(plan.campaign, { window: { start: '2026-04-15', end: '2026-07-10' } });
      deliverableAt(plan, 1, 0).due = '2026-07-10';
    });
    expect(errors.map(formatIssue)).toEqual([
      'phases[0].window.start: 阶段“排查建档”2026-04-14开始，早于活动时间2026-04-15至2026-07-10：阶段须在活动时间之内',
      'phases[1].window.end: 阶段“化解整治”2026-07-15结束，晚于活动时间2026-04-15至2026-07-10：阶段须在活动时间之内，或把活动结束日期推后',
    ]);
  });

  it('refuses a report due after the window and one due before it', () => {
    const { errors } = issuesOf((plan) => {
      Object.assign(plan.campaign, { window });
      deliverableAt(plan, 1, 0).due = '2026-08-02';
      deliverableAt(plan, 0, 0).due = '2026-03-30';
    });
    expect(errors.map((e) => `${e.code} ${formatIssue(e)}`)).toEqual([
      'due_before_campaign_start phases[0].deliverables[0].due: due on 2026-03-30, before the campaign starts on 2026-04-01: no unit could ever meet it',
      'due_after_campaign_window phases[1].deliverables[0].due: “总结”2026-08-02截止，晚于活动时间2026-04-01至2026-07-31：活动结束后无人再收此材料',
    ]);
  });

  it('refuses a window that ends before it starts, and checks nothing against it', () => {
    const { errors } = issuesOf((plan) => {
      Object.assign(plan.campaign, { window: { start: '2026-08-01', end: '2026-04-01' } });
    });
    expect(errors.map(formatIssue)).toEqual(['campaign.window.end: 活动结束日期2026-04-01早于开始日期2026-08-01']);
  });
});
