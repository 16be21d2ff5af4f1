import { describe, expect, it } from 'vitest';
import { formatIssue, formatIssuePath, validatePlan } from '../../../domain/plan/validate-plan';
import { basePlan, deliverableAt, phaseAt } from './plan-fixture';

function errorsOf(input: unknown): string[] {
  const result = validatePlan(input);
  return result.ok ? [] : result.errors.map(formatIssue);
}

describe('schema issues in plan terms', () => {
  it('names missing parts of the plan in the words an office uses', () => {
    expect(errorsOf({ campaign: { id: 'x', title: 't', organiser: 'o' }, units: [], phases: [] })).toEqual([
      'leadingGroup: the leading group (领导小组) is required',
      'office: the campaign office (领导小组办公室) is required',
      'units: needs at least 1 participating unit (责任单位)',
      'phases: needs at least 1 phase (阶段) or 1 reception programme (领导接访日)',
    ]);
  });

  it('says what a date should look like, once, for an impossible date', () => {
    const plan = basePlan();
    deliverableAt(plan, 0, 0).due = '2026-02-30';
    expect(errorsOf(plan)).toEqual(['phases[0].deliverables[0].due: no such day in the calendar (found "2026-02-30")']);
  });

  it('reports a date in the wrong format once, not once per rule', () => {
    const plan = basePlan();
    phaseAt(plan, 0).window = { start: '4/14', end: '2026-04-20' };
    expect(errorsOf(plan)).toEqual(['phases[0].window.start: a date is written YYYY-MM-DD (found "4/14")']);
  });

  it('lists the allowed forms of a due date when none fits', () => {
    const plan = basePlan();
    Object.assign(deliverableAt(plan, 0, 0), { due: 20260420 });
    const [message] = errorsOf(plan);
    expect(message).toMatch(/^phases\[0\]\.deliverables\[0\]\.due: a due date is written "YYYY-MM-DD"/);
    expect(message).toContain('(found 20260420)');
  });

  it('follows the form the author chose inside a union', () => {
    const plan = basePlan();
    deliverableAt(plan, 0, 0).due = { after: 'two days' };
    expect(errorsOf(plan)).toEqual([
      'phases[0].deliverables[0].due.after: a duration is written like "2d", "1w", "12h", "1d12h" or "30m" (found "two days")',
    ]);
  });

  it('reports a bad e-mail address, a wrong type and an unknown choice', () => {
    const plan = basePlan();
    plan.units[0] = { ...plan.units[0]!, contact: { name: 'x', email: 'not-mail' } };
    Object.assign(phaseAt(plan, 1), { casesFiling: 'yes', gate: 'vote' });
    expect(errorsOf(plan)).toEqual([
      'units[0].contact.email: "not-mail" is not an email address',
      'phases[1].gate: must be "window-end" or "approval" (found "vote")',
      'phases[1].casesFiling: expected true or false, found "yes"',
    ]);
  });

  it('explains an unknown audience', () => {
    const plan = basePlan();
    plan.escalation = [{ after: '1d', notify: ['mayor' as 'office'] }];
    expect(errorsOf(plan)).toEqual([
      'escalation[0].notify[0]: an audience is unit-head, unit-contact, office, leading-group, all-units or ' +
        '{leader: <leading-group person id>} (found "mayor")',
    ]);
  });

  it('rejects a file that is not a mapping at all', () => {
    expect(errorsOf(['a list'])).toEqual([
      'a plan is a mapping with campaign, leadingGroup, office, units and phases; found a list',
    ]);
  });
});

describe('a plan with many mistakes', () => {
  it('reports all of them at once, schema and cross-field rules together', () => {
    const plan = basePlan();
    plan.campaign.title = '';
    plan.units.push({ ...plan.units[0]!, contact: { name: 'x', email: 'nope' } }); // bad mail and a duplicate id
    plan.units[1] = { ...plan.units[1]!, parent: 'nowhere' };
    phaseAt(plan, 1).window = { start: '2026-04-16', end: '2026-07-15' };
    deliverableAt(plan, 0, 0).kind = 'mystery';
    deliverableAt(plan, 1, 0).owedBy = ['ghost'];
    plan.escalation = [
      { after: '3d', notify: [{ leader: 'nobody' }] },
      { after: '1d', notify: ['office'] },
    ];
    plan.reminders = [{ before: '0d' }];
    plan.phases?.push({ id: 'investigate', name: '', window: { start: '2026-07-15', end: '2026-07-31' } });

    const result = validatePlan(plan);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.map((e) => `${e.code} ${formatIssuePath(e.path)}`);
    expect(errors).toEqual([
      'empty campaign.title',
      'bad_email units[3].contact.email',
      'empty phases[2].name',
      'duplicate_id units[3].id',
      'duplicate_id phases[2].id',
      'unknown_unit units[1].parent',
      'unknown_unit phases[1].deliverables[0].owedBy[0]',
      'unknown_report_kind phases[0].deliverables[0].kind',
      'unknown_leader escalation[0].notify[0].leader',
      'phase_overlaps_previous phases[1].window.start',
      'escalation_not_increasing escalation[1].after',
    ]);
    expect(result.warnings.map((w) => w.code).sort()).toEqual([
      'owed_by_nobody',
      'phase_owes_nothing',
      'reminder_at_due_time',
    ]);
  });
});

describe('issue paths', () => {
  it.each([
    [['phases', 2, 'deliverables', 0, 'due'], 'phases[2].deliverables[0].due'],
    [['units', 3, 'id'], 'units[3].id'],
    [['reportKinds', 'reception log', 'title'], 'reportKinds["reception log"].title'],
    [[], ''],
  ])('writes %j as %s', (path, text) => {
    expect(formatIssuePath(path)).toBe(text);
  });

  it('prints an issue as "path: message", and a whole-file issue as its message', () => {
    expect(formatIssue({ severity: 'error', code: 'x', path: ['units', 0], message: 'm' })).toBe('units[0]: m');
    expect(formatIssue({ severity: 'error', code: 'x', path: [], message: 'm' })).toBe('m');
  });
});
