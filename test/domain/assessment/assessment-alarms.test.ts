import { describe, expect, it } from 'vitest';
import { assessmentAlarms, scoringDueMs, type AssessmentAlarm } from '../../../domain/assessment/assessment-alarms';
import { instantToLocal } from '../../../domain/calendar/local-time';
import type { PlanInput } from '../../../domain/plan/schema';
import { validatePlan } from '../../../domain/plan/validate-plan';
import { basePlan } from '../plan/plan-fixture';
import { panel } from './assessment-fixture';

/** The fixture plan (排查建档 4/14–4/20, 化解整治 4/20–7/15) with an assessment in the second phase. */
function planWith(change: (plan: PlanInput) => void = () => undefined) {
  const plan = basePlan();
  plan.assessment = {
    title: '年度考核',
    panel: panel(2),
    window: { phase: 'resolve' },
    items: [{ id: 'work', name: '工作', points: 10 }],
  };
  change(plan);
  const checked = validatePlan(plan);
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join('; '));
  return checked.plan;
}

/** An alarm as the office reads it: what, and when in Beijing time. */
const shown = (alarm: AssessmentAlarm) => {
  const local = instantToLocal(alarm.atMs, 'Asia/Shanghai');
  const at = `${local.date} ${local.time}`;
  if (alarm.kind === 'reminder') return `reminder ${alarm.index} ${at}`;
  if (alarm.kind === 'escalation') return `escalation ${alarm.step} ${at}`;
  return `${alarm.period} ${alarm.from}..${alarm.to} ${at}`;
};

describe('when an assessment acts on its own', () => {
  it('is due on the window’s last day at the plan’s due time, reminds before it and climbs the plan’s ladder after it', () => {
    const plan = planWith();
    expect(instantToLocal(scoringDueMs(plan) ?? 0, 'Asia/Shanghai')).toMatchObject({
      date: '2026-07-15',
      time: '18:00',
    });
    // The plan's reminders (2 days before and on the day, at 09:00) and its ladder (1 day, 3 days after).
    expect(assessmentAlarms(plan).map(shown)).toEqual([
      'reminder 0 2026-07-13 09:00',
      'reminder 1 2026-07-15 09:00',
      'escalation 0 2026-07-16 18:00',
      'escalation 1 2026-07-18 18:00',
    ]);
  });

  it('tells the office at the deadline when the plan has no ladder, and nothing at all without a window', () => {
    expect(assessmentAlarms(planWith((p) => (p.escalation = []))).map(shown)).toEqual([
      'reminder 0 2026-07-13 09:00',
      'reminder 1 2026-07-15 09:00',
      'escalation 0 2026-07-15 18:00',
    ]);
    expect(assessmentAlarms(planWith((p) => delete p.assessment?.window))).toEqual([]);
  });

  it('gives a monthly ranking notice the morning after each month that ends inside the campaign', () => {
    const plan = planWith((p) => {
      p.escalation = [];
      if (p.assessment) p.assessment.rankingNotices = { every: 'month' };
    });
    // April, May and June end before 7/15; July does not, and the final assessment covers it.
    expect(
      assessmentAlarms(plan)
        .filter((a) => a.kind === 'ranking')
        .map(shown),
    ).toEqual([
      'month 2026-04-01..2026-04-30 2026-05-01 09:00',
      'month 2026-05-01..2026-05-31 2026-06-01 09:00',
      'month 2026-06-01..2026-06-30 2026-07-01 09:00',
    ]);
  });

  it('gives a weekly one each Monday for the week before, at the time the plan asks', () => {
    const plan = planWith((p) => {
      p.phases = (p.phases ?? []).slice(0, 1); // 4/14 (Tuesday) – 4/20 (Monday)
      p.assessment = {
        ...p.assessment!,
        window: { phase: 'investigate' },
        rankingNotices: { every: 'week', at: '08:30' },
      };
    });
    // The week of 4/13–4/19 ends inside the campaign; the next one (to 4/26) does not.
    expect(
      assessmentAlarms(plan)
        .filter((a) => a.kind === 'ranking')
        .map(shown),
    ).toEqual(['week 2026-04-13..2026-04-19 2026-04-20 08:30']);
  });
});
