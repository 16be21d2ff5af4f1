import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../domain/plan/validate-plan';
import { issuesOf, phaseAt } from './plan-fixture';

const team = { id: 'team-1', name: '第一督导组', members: ['leader-deputy'] };
const duty = { id: 'check', title: '台帐建立情况督查', by: { team: 'team-1' }, units: ['town-a'], due: '2026-04-19' };

describe('supervision duties in a plan', () => {
  it('accepts a duty of a team of leading-group members', () => {
    expect(
      issuesOf((plan) => {
        plan.supervisionTeams = [team];
        phaseAt(plan, 0).duties = [duty];
      }),
    ).toEqual({ errors: [], warnings: [] });
  });

  it('names every unknown team, team member and unit, with the closest id, in Chinese', () => {
    const { errors } = issuesOf((plan) => {
      plan.supervisionTeams = [{ ...team, members: ['leader-deputi'] }];
      phaseAt(plan, 0).duties = [
        { ...duty, by: { team: 'team-2' }, units: ['town-x'] },
        { ...duty, id: 'ledger' },
      ];
    });
    expect(errors.map(formatIssue)).toEqual([
      'supervisionTeams[0].members[0]: 督导组“第一督导组”的成员“leader-deputi”不是领导小组成员; did you mean "leader-deputy"?',
      'phases[0].duties[0].by.team: 没有编号为“team-2”的督导组（在 supervisionTeams 中列出）; did you mean "team-1"?',
      'phases[0].duties[0].units[0]: 没有编号为“town-x”的责任单位; did you mean "town-a"?',
      'phases[0].duties[1].id: 本阶段已有编号为“ledger”的任务或材料，督查任务须另起编号',
    ]);
  });
});
