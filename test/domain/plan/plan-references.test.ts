import { describe, expect, it } from 'vitest';
import { formatIssue, validatePlan } from '../../../domain/plan/validate-plan';
import { basePlan, deliverableAt, issuesOf, phaseAt } from './plan-fixture';

describe('a valid plan', () => {
  it('passes with no errors and no warnings, its defaults filled in', () => {
    const result = validatePlan(basePlan());
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (result.ok) expect(result.plan.campaign.timeZone).toBe('Asia/Shanghai');
  });
});

describe('unique ids', () => {
  it('reports a unit id used twice, naming the first use', () => {
    const { errors } = issuesOf((plan) => {
      plan.units.push({ ...plan.units[0]!, id: 'town-07' });
      plan.units[1] = { ...plan.units[1]!, id: 'town-07' };
    });
    expect(errors.map(formatIssue)).toEqual(['units[3].id: "town-07" is already used by units[1]']);
  });

  it('reports a person id shared by the leading group and the office', () => {
    const { errors } = issuesOf((plan) => {
      plan.office = { ...plan.office, id: 'member-a' };
    });
    expect(errors.map(formatIssue)).toEqual(['office.id: "member-a" is already used by leadingGroup.members[0]']);
  });

  it('reports a phase id used twice', () => {
    const { errors } = issuesOf((plan) => {
      phaseAt(plan, 1).id = 'investigate';
    });
    expect(errors).toMatchObject([{ code: 'duplicate_id', path: ['phases', 1, 'id'] }]);
  });

  it('reports a deliverable id used twice anywhere in the campaign', () => {
    const { errors } = issuesOf((plan) => {
      deliverableAt(plan, 1, 0).id = 'ledger';
    });
    expect(errors.map(formatIssue)).toEqual([
      'phases[1].deliverables[0].id: "ledger" is already used by phases[0].deliverables[0]',
    ]);
  });
});

describe('references', () => {
  it('reports a parent unit that does not exist', () => {
    const { errors } = issuesOf((plan) => {
      plan.units[0] = { ...plan.units[0]!, parent: 'county' };
    });
    expect(errors.map(formatIssue)).toEqual(['units[0].parent: no unit has id "county"']);
  });

  it('reports a loop in parent chains once, at its first unit', () => {
    const { errors } = issuesOf((plan) => {
      plan.units[0] = { ...plan.units[0]!, parent: 'town-b' };
      plan.units[1] = { ...plan.units[1]!, parent: 'dept-c' };
      plan.units[2] = { ...plan.units[2]!, parent: 'town-a' };
    });
    expect(errors.map(formatIssue)).toEqual([
      'units[0].parent: the parent chain loops back: town-a → town-b → dept-c → town-a',
    ]);
  });

  it('reports a unit that is its own parent', () => {
    const { errors } = issuesOf((plan) => {
      plan.units[2] = { ...plan.units[2]!, parent: 'dept-c' };
    });
    expect(errors).toMatchObject([{ code: 'parent_cycle', path: ['units', 2, 'parent'] }]);
  });

  it('accepts a parent chain without loops', () => {
    const { errors } = issuesOf((plan) => {
      plan.units[0] = { ...plan.units[0]!, parent: 'town-b' };
      plan.units[1] = { ...plan.units[1]!, parent: 'dept-c' };
    });
    expect(errors).toEqual([]);
  });

  it('reports a deliverable owed by a unit that does not exist', () => {
    const { errors, warnings } = issuesOf((plan) => {
      deliverableAt(plan, 0, 0).owedBy = ['town-a', 'town-z'];
    });
    expect(errors.map(formatIssue)).toEqual([
      'phases[0].deliverables[0].owedBy[1]: no unit has id "town-z"; did you mean "town-b"?',
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns that a deliverable owed only by units that do not exist is owed by nobody', () => {
    const { errors, warnings } = issuesOf((plan) => {
      deliverableAt(plan, 0, 0).owedBy = ['town-y', 'town-z'];
    });
    expect(errors.map((e) => e.code)).toEqual(['unknown_unit', 'unknown_unit']);
    expect(warnings).toMatchObject([{ code: 'owed_by_nobody', path: ['phases', 0, 'deliverables', 0, 'owedBy'] }]);
  });

  it('warns about a unit listed twice in owedBy', () => {
    const { warnings } = issuesOf((plan) => {
      deliverableAt(plan, 0, 0).owedBy = ['town-a', 'town-a'];
    });
    expect(warnings).toMatchObject([{ code: 'listed_twice', path: ['phases', 0, 'deliverables', 0, 'owedBy', 1] }]);
  });

  it('reports an escalation step naming a leader outside the leading group', () => {
    const { errors } = issuesOf((plan) => {
      plan.escalation = [{ after: '1d', notify: [{ leader: 'mayor' }] }];
    });
    expect(errors.map(formatIssue)).toEqual([
      'escalation[0].notify[0].leader: no person in the leading group has id "mayor"',
    ]);
  });

  it('points to the office audience when a leader id is the office', () => {
    const { errors } = issuesOf((plan) => {
      deliverableAt(plan, 1, 0).escalation = [{ after: '2d', notify: ['unit-head', { leader: 'office' }] }];
    });
    expect(errors).toMatchObject([
      { code: 'unknown_leader', path: ['phases', 1, 'deliverables', 0, 'escalation', 0, 'notify', 1, 'leader'] },
    ]);
    expect(errors[0]?.message).toContain('notify "office" instead');
  });

  it('reports a report kind that is neither built in nor defined by the plan', () => {
    const { errors } = issuesOf((plan) => {
      deliverableAt(plan, 1, 0).kind = 'reception-log';
    });
    expect(errors).toMatchObject([{ code: 'unknown_report_kind', path: ['phases', 1, 'deliverables', 0, 'kind'] }]);
  });

  it('accepts a report kind defined under reportKinds', () => {
    const { errors } = issuesOf((plan) => {
      deliverableAt(plan, 1, 0).kind = 'reception-log';
      plan.reportKinds = { 'reception-log': { title: '接访情况周报', fields: [{ name: 'visits', type: 'number' }] } };
    });
    expect(errors).toEqual([]);
  });
});
