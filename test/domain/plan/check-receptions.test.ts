import { describe, expect, it } from 'vitest';
import type { PlanInput } from '../../../domain/plan/schema';
import { formatIssue } from '../../../domain/plan/validate-plan';
import { issuesOf } from './plan-fixture';

type ProgrammeInput = NonNullable<PlanInput['receptions']>[number];

const programme = (overrides: Partial<ProgrammeInput> = {}): ProgrammeInput => ({
  id: 'reception',
  name: '领导接访日',
  from: '2026-01-01',
  to: '2026-06-30',
  rule: { kind: 'days-of-month', days: [1, 16] },
  place: '会议室',
  hours: { start: '08:30', end: '17:30' },
  rota: { leader: 'leader-head' },
  ...overrides,
});

const lines = (issues: { errors: unknown[]; warnings: unknown[] }, key: 'errors' | 'warnings') =>
  (issues[key] as Parameters<typeof formatIssue>[0][]).map(formatIssue);

describe('the receptions section of a plan', () => {
  it('accepts a plan that has only receptions, and refuses one with neither phases nor receptions', () => {
    expect(
      lines(
        issuesOf((plan) => Object.assign(plan, { phases: [], receptions: [programme()] })),
        'errors',
      ),
    ).toEqual([]);
    expect(
      lines(
        issuesOf((plan) => Object.assign(plan, { phases: [] })),
        'errors',
      ),
    ).toEqual(['phases: needs at least 1 phase (阶段) or 1 reception programme (领导接访日)']);
  });

  it('refuses a rota naming an unknown leader or unit, and a substitute who is not a leader', () => {
    const issues = issuesOf((plan) => {
      plan.receptions = [
        programme({
          rota: { inTurn: ['leader-head', 'leader-nobody', { unitHead: 'town-z' }] },
          substitutes: ['office'],
        }),
      ];
    });
    expect(lines(issues, 'errors')).toEqual([
      'receptions[0].substitutes[0]: a substitute must be a leader of the plan; no leader has id "office"',
      'receptions[0].rota.inTurn[1]: no leader of the leading group has id "leader-nobody"',
      'receptions[0].rota.inTurn[2].unitHead: no unit has id "town-z"',
    ]);
  });

  it('warns that day 31 moves to the last day of shorter months', () => {
    const issues = issuesOf((plan) => {
      plan.receptions = [programme({ rule: { kind: 'days-of-month', days: [31] } })];
    });
    expect(lines(issues, 'errors')).toEqual([]);
    expect(lines(issues, 'warnings')).toEqual([
      'receptions[0].rule.days: day 31 is missing from 3 month(s); those months receive on their last day instead (e.g. 2026-02-28)',
    ]);
  });

  it('refuses one leader on duty in two programmes on the same day, even after postponement', () => {
    const issues = issuesOf((plan) => {
      plan.receptions = [programme(), programme({ id: 'outreach', rule: { kind: 'days-of-month', days: [20] } })];
    });
    // 2/16 and 2/20 fall in the Spring Festival holiday only in a calendar that says so: none here.
    expect(lines(issues, 'errors')).toEqual([]);
    const clash = issuesOf((plan) => {
      plan.campaign.calendar = { daysOff: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'] };
      plan.receptions = [programme(), programme({ id: 'outreach', rule: { kind: 'days-of-month', days: [20] } })];
    });
    expect(lines(clash, 'errors')).toEqual([
      'receptions[1].rota: leader "leader-head" is on duty on 2026-02-23 in both "reception" and "outreach"; name another leader for one of them',
    ]);
  });

  it('refuses a month the rota leaves unstaffed, and a programme that ends before it starts', () => {
    const issues = issuesOf((plan) => {
      plan.receptions = [
        programme({ rota: { byMonth: [{ month: 1, leader: 'leader-head' }] } }),
        programme({ id: 'backwards', from: '2026-06-30', to: '2026-01-01' }),
      ];
    });
    expect(lines(issues, 'errors')).toEqual([
      'receptions[0].rota: nobody is rostered for 10 reception day(s), first 2026-02-01; add them to the table or give "otherwise"',
      'receptions[1].to: the programme ends (2026-01-01) before it starts',
    ]);
  });
});
