import { describe, expect, it } from 'vitest';
import { resolvePhaseWindows } from '../../../domain/plan/phase-windows';
import { formatIssue } from '../../../domain/plan/validate-plan';
import { deliverableAt, issuesOf, phaseAt } from './plan-fixture';

describe('phase windows', () => {
  it('treats a phase starting on the previous end date as an ordinary shared boundary day', () => {
    // The fixture already does this (4/14–4/20, then 4/20–7/15), as the seed plans do.
    expect(issuesOf(() => {})).toEqual({ errors: [], warnings: [] });
  });

  it('reports a phase that starts before the previous one ends', () => {
    const { errors } = issuesOf((plan) => {
      phaseAt(plan, 1).window = { start: '2026-04-18', end: '2026-07-15' };
    });
    expect(errors.map(formatIssue)).toEqual([
      'phases[1].window.start: starts on 2026-04-18, 2 days before the previous phase (phases[0], 排查建档) ends on ' +
        '2026-04-20; start on or after 2026-04-20, or set mayOverlapPrevious: true',
    ]);
  });

  it('accepts the overlap when the phase says it may overlap the previous one', () => {
    const { errors } = issuesOf((plan) => {
      Object.assign(phaseAt(plan, 1), { window: { start: '2026-04-18', end: '2026-07-15' }, mayOverlapPrevious: true });
    });
    expect(errors).toEqual([]);
  });

  it('reports a phase that starts before the previous one even starts, overlap or not', () => {
    const { errors } = issuesOf((plan) => {
      Object.assign(phaseAt(plan, 1), { window: { start: '2026-04-01', end: '2026-07-15' }, mayOverlapPrevious: true });
      deliverableAt(plan, 1, 0).due = '2026-07-15';
    });
    expect(errors).toMatchObject([{ code: 'phase_before_previous', path: ['phases', 1, 'window', 'start'] }]);
  });

  it('reports a window that ends before it starts', () => {
    const { errors } = issuesOf((plan) => {
      phaseAt(plan, 0).window = { start: '2026-04-14', end: '2026-04-10' };
      deliverableAt(plan, 0, 0).due = '2026-04-14';
    });
    expect(errors.map(formatIssue)).toEqual([
      'phases[0].window.end: the phase ends on 2026-04-10, before it starts on 2026-04-14',
    ]);
  });

  it('accepts windows that cross the new year and the Spring Festival', () => {
    const { errors, warnings } = issuesOf((plan) => {
      phaseAt(plan, 0).window = { start: '2025-12-20', end: '2026-01-10' };
      deliverableAt(plan, 0, 0).due = '2026-01-05';
      phaseAt(plan, 1).window = { start: '2026-01-10', end: '2026-03-01' };
      deliverableAt(plan, 1, 0).due = '2026-02-17';
    });
    expect({ errors, warnings }).toEqual({ errors: [], warnings: [] });
  });

  it('accepts a relative window after an absolute one, starting when the previous phase ends', () => {
    const phases = [
      { window: { start: '2026-04-14', end: '2026-04-20' } },
      { window: { duration: '1w' } },
      { window: { duration: '2w', gap: '3d' } },
    ];
    expect(resolvePhaseWindows(phases)).toEqual([
      { start: '2026-04-14', end: '2026-04-20' },
      { start: '2026-04-21', end: '2026-04-27' },
      { start: '2026-05-01', end: '2026-05-14' },
    ]);
    const { errors } = issuesOf((plan) => {
      phaseAt(plan, 1).window = { duration: '12w' };
      deliverableAt(plan, 1, 0).due = { after: '12w' };
    });
    expect(errors).toEqual([]);
  });

  it('reports a first phase with a relative window, which has nothing to count from', () => {
    const { errors } = issuesOf((plan) => {
      phaseAt(plan, 0).window = { duration: '1w' };
    });
    expect(errors).toMatchObject([{ code: 'relative_first_phase', path: ['phases', 0, 'window'] }]);
  });

  it('reports a relative window that lasts no time at all', () => {
    const { errors } = issuesOf((plan) => {
      phaseAt(plan, 1).window = { duration: '0d' };
      deliverableAt(plan, 1, 0).due = { after: '0d' };
    });
    expect(errors).toMatchObject([{ code: 'window_empty', path: ['phases', 1, 'window', 'duration'] }]);
  });
});

describe('deliverables within their phase', () => {
  it('warns about a deliverable due after its phase has ended', () => {
    const { errors, warnings } = issuesOf((plan) => {
      deliverableAt(plan, 0, 0).due = { date: '2026-04-21', time: '12:00' };
    });
    expect(errors).toEqual([]);
    expect(warnings).toMatchObject([{ code: 'due_after_phase_end', path: ['phases', 0, 'deliverables', 0, 'due'] }]);
  });

  it('warns about a deliverable due before its phase starts', () => {
    const { warnings } = issuesOf((plan) => {
      deliverableAt(plan, 1, 0).due = '2026-04-16';
    });
    expect(warnings).toMatchObject([{ code: 'due_before_phase_start' }]);
  });

  it('refuses a due date before the campaign starts', () => {
    const { errors } = issuesOf((plan) => {
      deliverableAt(plan, 1, 0).due = '2025-07-15';
    });
    expect(errors.map(formatIssue)).toEqual([
      'phases[1].deliverables[0].due: due on 2025-07-15, before the campaign starts on 2026-04-14: no unit could ever meet it',
    ]);
  });

  it('warns about a phase in which units owe nothing', () => {
    const { errors, warnings } = issuesOf((plan) => {
      phaseAt(plan, 1).deliverables = [];
    });
    expect(errors).toEqual([]);
    expect(warnings.map(formatIssue)).toEqual([
      'phases[1].deliverables: units owe nothing in "化解整治": nobody is reminded or chased during it',
    ]);
  });

  it('warns about a recurrence with no occurrence inside the phase', () => {
    const { warnings } = issuesOf((plan) => {
      deliverableAt(plan, 0, 0).recurrence = { every: '2w' }; // the phase lasts 4/14–4/20
    });
    expect(warnings).toMatchObject([
      { code: 'recurrence_outside_phase', path: ['phases', 0, 'deliverables', 0, 'recurrence'] },
    ]);
  });

  it('warns about a monthly recurrence whose day never comes inside the phase', () => {
    const { warnings } = issuesOf((plan) => {
      deliverableAt(plan, 0, 0).recurrence = { monthlyOnDay: 1 };
    });
    expect(warnings).toMatchObject([{ code: 'recurrence_outside_phase' }]);
  });

  it('accepts a weekly recurrence that fits the phase, whatever its due says', () => {
    const { errors, warnings } = issuesOf((plan) => {
      Object.assign(deliverableAt(plan, 1, 0), { recurrence: { every: '1w' }, due: { after: '1w', time: '18:00' } });
    });
    expect({ errors, warnings }).toEqual({ errors: [], warnings: [] });
  });

  it('reports a recurrence that never advances', () => {
    const { errors } = issuesOf((plan) => {
      deliverableAt(plan, 1, 0).recurrence = { every: '0d' };
    });
    expect(errors).toMatchObject([{ code: 'recurrence_never_advances' }]);
  });

  it('warns about a recurrence that runs on after its phase ends', () => {
    const { warnings } = issuesOf((plan) => {
      deliverableAt(plan, 1, 0).recurrence = { every: '1w', until: '2026-08-01' };
    });
    expect(warnings).toMatchObject([{ code: 'recurrence_after_phase_end' }]);
  });
});

describe('reminders and the escalation ladder', () => {
  it('warns that a reminder 0 before without a time of day fires at the due time', () => {
    const { warnings } = issuesOf((plan) => {
      plan.reminders = [{ before: '2d', at: '09:00' }, { before: '0d' }];
    });
    expect(warnings).toMatchObject([{ code: 'reminder_at_due_time', path: ['reminders', 1] }]);
  });

  it('accepts "0d" with a time of day as a reminder on the morning of the day', () => {
    const { warnings } = issuesOf((plan) => {
      deliverableAt(plan, 0, 0).reminders = [{ before: '0d', at: '09:00' }];
    });
    expect(warnings).toEqual([]);
  });

  it('reports escalation steps that do not strictly increase', () => {
    const { errors } = issuesOf((plan) => {
      plan.escalation = [
        { after: '1d', notify: ['unit-head'] },
        { after: '3d', notify: ['office'] },
        { after: '3d', notify: ['leading-group'] },
        { after: '2d', notify: ['all-units'] },
      ];
    });
    expect(errors.map((e) => formatIssue(e))).toEqual([
      'escalation[2].after: "3d" after the due date is not later than the step before it ("3d"); steps are sent in the order written',
      'escalation[3].after: "2d" after the due date is not later than the step before it ("3d"); steps are sent in the order written',
    ]);
  });

  it('checks a deliverable’s own ladder the same way', () => {
    const { errors } = issuesOf((plan) => {
      deliverableAt(plan, 1, 0).escalation = [
        { after: '2d', notify: ['unit-head'] },
        { after: '1d', notify: ['office'] },
      ];
    });
    expect(errors).toMatchObject([
      { code: 'escalation_not_increasing', path: ['phases', 1, 'deliverables', 0, 'escalation', 1, 'after'] },
    ]);
  });

  it('accepts two steps on the same day at increasing times', () => {
    const { errors } = issuesOf((plan) => {
      plan.escalation = [
        { after: '1d', at: '09:00', notify: ['unit-head'] },
        { after: '1d', at: '17:00', notify: ['office'] },
      ];
    });
    expect(errors).toEqual([]);
  });
});

describe('holiday calendar', () => {
  it('warns about a date listed both as a day off and as a workday', () => {
    const { warnings } = issuesOf((plan) => {
      plan.campaign.calendar = { daysOff: ['2026-05-09'], workdays: ['2026-05-09'] };
    });
    expect(warnings).toMatchObject([
      { code: 'calendar_day_listed_twice', path: ['campaign', 'calendar', 'workdays', 0] },
    ]);
  });
});
