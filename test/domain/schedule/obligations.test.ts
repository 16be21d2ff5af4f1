import { describe, expect, it } from 'vitest';
import { obligationsForPhase } from '../../../domain/schedule/obligations';
import { phaseStartMs, phaseWindow } from '../../../domain/schedule/phase-window';
import { reminderTimes, escalationTimes } from '../../../domain/schedule/alert-times';
import { beijing, smallPlan } from '../../support/plans';

const ZONE = 'Asia/Shanghai';

describe('phase windows', () => {
  it('run from midnight of the first day to midnight after the last day', () => {
    const plan = smallPlan();
    const phase = plan.phases[0]!;
    const start = phaseStartMs(phase, ZONE, undefined)!;
    expect(phaseWindow(phase, ZONE, start)).toEqual({ startMs: beijing('2026-04-12'), endMs: beijing('2026-04-16') });
  });

  it('start a relative window after the previous phase ends, plus its gap', () => {
    const plan = smallPlan('rel', {
      phases: [{ id: 'later', name: '巩固', window: { duration: '30d', gap: '1d' }, deliverables: [] }],
    });
    const start = phaseStartMs(plan.phases[0]!, ZONE, beijing('2026-05-01'))!;
    expect(start).toBe(beijing('2026-05-02'));
    expect(phaseWindow(plan.phases[0]!, ZONE, start).endMs).toBe(beijing('2026-06-01'));
  });
});

describe('alert times', () => {
  const due = beijing('2026-04-15', '18:00');

  it('place "2 days before at 09:00" on the calendar day in the plan zone', () => {
    expect(
      reminderTimes(
        due,
        [
          { before: '2d', at: '09:00' },
          { before: '0d', at: '09:00' },
        ],
        ZONE,
      ),
    ).toEqual([beijing('2026-04-13', '09:00'), beijing('2026-04-15', '09:00')]);
  });

  it('drop a reminder that would fall after the due time', () => {
    expect(reminderTimes(beijing('2026-04-15', '08:00'), [{ before: '0d', at: '09:00' }], ZONE)).toEqual([]);
  });

  it('place escalation steps after the due time', () => {
    expect(
      escalationTimes(due, [{ after: '1d', notify: ['office'], publicNotice: false, accountability: false }], ZONE),
    ).toEqual([due + 86_400_000]);
  });
});

describe('obligations of a phase', () => {
  it('give a deliverable due by date the plan default due time', () => {
    const plan = smallPlan();
    const phase = plan.phases[0]!;
    const [members] = obligationsForPhase(plan, phase, {
      startMs: beijing('2026-04-12'),
      endMs: beijing('2026-04-16'),
    });
    expect(members).toMatchObject({ key: 'members', dueMs: beijing('2026-04-15', '18:00') });
    expect(members!.alerts.map((a) => a.type)).toEqual(['reminder', 'reminder', 'overdue', 'escalation', 'escalation']);
  });

  it('postpone a due date on a day off to the next working day when the plan says so (遇节假日顺延)', () => {
    const plan = smallPlan('holiday', {
      campaign: {
        id: 'holiday',
        title: 't',
        organiser: 'o',
        postponeDueDatesOnDaysOff: true,
        calendar: { daysOff: ['2026-05-01', '2026-05-04', '2026-05-05'], workdays: ['2026-05-09'] },
      },
      phases: [
        {
          id: 'work',
          name: '化解整治',
          window: { start: '2026-04-20', end: '2026-05-20' },
          deliverables: [
            {
              id: 'progress',
              title: '进展',
              kind: 'progress',
              due: '2026-05-01',
              recurrence: { every: '1w', first: '4d' },
            },
          ],
        },
      ],
    });
    const window = { startMs: beijing('2026-04-20'), endMs: beijing('2026-05-21') };
    const due = obligationsForPhase(plan, plan.phases[0]!, window).map((o) => [o.key, o.dueMs]);
    expect(due).toEqual([
      ['progress@2026-04-24', beijing('2026-04-24', '18:00')],
      ['progress@2026-05-01', beijing('2026-05-06', '18:00')],
      ['progress@2026-05-08', beijing('2026-05-08', '18:00')],
      ['progress@2026-05-15', beijing('2026-05-15', '18:00')],
    ]);
  });

  it('keep reminders and escalations off days off when the plan says 节假日不催报', () => {
    const input = {
      phases: [
        {
          id: 'work',
          name: '化解整治',
          window: { start: '2026-04-27', end: '2026-05-20' },
          deliverables: [{ id: 'report', title: '报告', kind: 'progress', due: '2026-04-30' }],
        },
      ],
    };
    const window = { startMs: beijing('2026-04-27'), endMs: beijing('2026-05-21') };
    const alertsOf = (quietOnDaysOff: boolean) => {
      const plan = smallPlan('quiet', {
        ...input,
        campaign: { id: 'quiet', title: 't', organiser: 'o', calendar: { preset: 'cn-mainland' }, quietOnDaysOff },
      });
      return obligationsForPhase(plan, plan.phases[0]!, window)[0]!.alerts.map((a) => [a.type, a.atMs]);
    };
    // Due Thursday 4/30 18:00; the ladder's steps (1 and 2 days after) fall in the Labour Day holiday (5/1–5/5).
    expect(alertsOf(false)).toEqual([
      ['reminder', beijing('2026-04-28', '09:00')],
      ['reminder', beijing('2026-04-30', '09:00')],
      ['overdue', beijing('2026-04-30', '18:00')],
      ['escalation', beijing('2026-05-01', '18:00')],
      ['escalation', beijing('2026-05-02', '18:00')],
    ]);
    expect(alertsOf(true)).toEqual([
      ['reminder', beijing('2026-04-28', '09:00')],
      ['reminder', beijing('2026-04-30', '09:00')],
      ['overdue', beijing('2026-04-30', '18:00')],
      ['escalation', beijing('2026-05-06', '18:00')],
      ['escalation', beijing('2026-05-06', '18:00')],
    ]);
  });

  it('repeat a monthly report on its day of the month within the window', () => {
    const plan = smallPlan('monthly', {
      phases: [
        {
          id: 'work',
          name: '组织实施',
          window: { start: '2026-03-06', end: '2026-06-30' },
          deliverables: [
            { id: 'monthly', title: '月报', kind: 'progress', due: '2026-03-25', recurrence: { monthlyOnDay: 25 } },
          ],
        },
      ],
    });
    const keys = obligationsForPhase(plan, plan.phases[0]!, {
      startMs: beijing('2026-03-06'),
      endMs: beijing('2026-07-01'),
    }).map((o) => o.key);
    expect(keys).toEqual(['monthly@2026-03-25', 'monthly@2026-04-25', 'monthly@2026-05-25', 'monthly@2026-06-25']);
  });

  it('name the period each weekly and monthly occurrence covers in its title', () => {
    const plan = smallPlan('periods', {
      phases: [
        {
          id: 'work',
          name: '组织实施',
          window: { start: '2026-03-02', end: '2026-04-30' },
          deliverables: [
            { id: 'weekly', title: '周报', kind: 'progress', due: { after: '1w' }, recurrence: { every: '1w' } },
            { id: 'fortnight', title: '双周报', kind: 'progress', due: { after: '2w' }, recurrence: { every: '2w' } },
            { id: 'monthly', title: '月报', kind: 'progress', due: '2026-03-05', recurrence: { monthlyOnDay: 5 } },
            {
              id: 'last-month',
              title: '上月情况',
              kind: 'progress',
              due: '2026-03-05',
              recurrence: { monthlyOnDay: 5, period: 'previous-month' },
            },
          ],
        },
      ],
    });
    const titles = obligationsForPhase(plan, plan.phases[0]!, {
      startMs: beijing('2026-03-02'),
      endMs: beijing('2026-05-01'),
    }).map((o) => o.title);
    expect(titles.filter((t) => t.startsWith('周报')).slice(0, 2)).toEqual(['周报（第1周）', '周报（第2周）']);
    expect(titles.filter((t) => t.startsWith('周报')).at(-1)).toBe('周报（第8周）');
    expect(titles.filter((t) => t.startsWith('双周报'))[1]).toBe('双周报（第2期）');
    expect(titles.filter((t) => t.startsWith('月报'))).toEqual(['月报（2026年3月）', '月报（2026年4月）']);
    expect(titles.filter((t) => t.startsWith('上月情况'))).toEqual(['上月情况（2026年2月）', '上月情况（2026年3月）']);
  });

  it('name the month of a January report covering the year before as December', () => {
    const plan = smallPlan('new-year', {
      campaign: { id: 'new-year', title: 't', organiser: 'o', locale: 'en' },
      phases: [
        {
          id: 'work',
          name: 'work',
          window: { start: '2027-01-01', end: '2027-01-31' },
          deliverables: [
            {
              id: 'm',
              title: 'Monthly',
              kind: 'progress',
              due: '2027-01-05',
              recurrence: { monthlyOnDay: 5, period: 'previous-month' },
            },
          ],
        },
      ],
    });
    const [only] = obligationsForPhase(plan, plan.phases[0]!, {
      startMs: beijing('2027-01-01'),
      endMs: beijing('2027-02-01'),
    });
    expect(only).toMatchObject({ title: 'Monthly (2026-12)', period: '2026-12' });
  });
});
