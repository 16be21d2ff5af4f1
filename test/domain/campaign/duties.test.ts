import { describe, expect, it } from 'vitest';
import { initialCampaignState, type CampaignState } from '../../../domain/campaign/campaign-state';
import {
  attachFindingCase,
  planFindings,
  recordFindings,
  type RecordFindingsRequest,
} from '../../../domain/campaign/duties';
import { dutyViews } from '../../../domain/campaign/duty-view';
import { advanceCampaign, nextCampaignWakeMs } from '../../../domain/campaign/phase-progression';
import { beijing, smallPlan } from '../../support/plans';

// A deputy leads the supervision team (督导组); the office checks units unannounced (暗查).
const base = smallPlan('duties');
const plan = {
  ...base,
  supervisionTeams: [{ id: 'team-1', name: '第一督导组', members: ['deputy'] }],
  phases: [
    {
      ...base.phases[0]!,
      duties: [
        {
          id: 'spot-check',
          title: '工作小组组建情况督查',
          kind: 'supervision' as const,
          by: { team: 'team-1' },
          units: ['town-a'],
          due: '2026-04-14',
        },
        {
          id: 'unannounced',
          title: '暗查',
          kind: 'unannounced-check' as const,
          by: 'office' as const,
          units: 'all' as const,
          due: { after: '2d' },
        },
      ],
    },
    base.phases[1]!,
  ],
};

const opened = (): CampaignState =>
  advanceCampaign(plan, initialCampaignState(plan.phases, beijing('2026-04-01')), beijing('2026-04-12')).state;

const caseOf = {
  title: '工作小组未成立',
  category: 'hot-issue',
  owningLeader: { name: '王副镇长' },
  handler: '张干事',
  deadline: '2026-04-30',
};

const request = (overrides: Partial<RecordFindingsRequest> = {}): RecordFindingsRequest => ({
  phaseId: 'mobilise',
  dutyId: 'spot-check',
  by: 'leader:deputy',
  findings: [{ unitId: 'town-a', text: '工作小组名单未公示', case: caseOf }],
  done: false,
  ...overrides,
});

describe('supervision duties (督查, 暗查)', () => {
  it('takes findings from a member of the duty’s team and plans the case for the unit’s ledger', () => {
    const decision = planFindings(plan, opened(), request(), beijing('2026-04-13', '10:00'));
    expect(decision).toMatchObject({
      ok: true,
      value: {
        key: 'mobilise/spot-check',
        filings: [
          {
            index: 0,
            filing: {
              id: 'dc-mobilise-spot-check-1',
              owningUnit: 'town-a',
              source: 'supervision',
              description: '工作小组组建情况督查发现：工作小组名单未公示',
              petitioner: { name: '（督查发现，无信访人）' },
            },
          },
        ],
      },
    });
  });

  it.each([
    [
      'a duty the phase does not have',
      request({ dutyId: 'spot-chek' }),
      'unknown_duty',
      '阶段“宣传发动”没有编号为“spot-chek”的督查任务; did you mean "spot-check"?',
    ],
    [
      'a leader not on the team',
      request({ by: 'leader:head' }),
      'not_on_duty',
      'leader:head不承担“工作小组组建情况督查”，无权记录',
    ],
    [
      'a unit the duty does not visit',
      request({ findings: [{ unitId: 'town-b', text: '未见台帐' }] }),
      'invalid_findings',
      'findings[0].unitId: “工作小组组建情况督查”不检查单位“town-b”; did you mean "town-a"?',
    ],
    [
      'nothing at all',
      request({ findings: [] }),
      'nothing_recorded',
      '请记录至少一个发现问题，或说明任务已办结（--done）',
    ],
  ])('refuses %s', (_what, req, code, message) => {
    expect(planFindings(plan, opened(), req, beijing('2026-04-13'))).toEqual({ ok: false, error: { code, message } });
  });

  it('names every bad case at once, from the ledger’s own rules', () => {
    const bad = { ...caseOf, category: 'no-such-category' };
    const decision = planFindings(
      plan,
      opened(),
      request({
        by: 'office',
        dutyId: 'unannounced',
        findings: [
          { unitId: 'town-a', text: 'x', case: bad },
          { unitId: 'town-b', text: 'y', case: bad },
        ],
      }),
      beijing('2026-04-13'),
    );
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.error.message).toMatch(/^findings\[0\]\.case: .*no-such-category.*; findings\[1\]\.case: /);
  });

  it('refuses a duty of a phase not yet open', () => {
    const state = initialCampaignState(plan.phases, beijing('2026-04-01'));
    expect(planFindings(plan, state, request(), beijing('2026-04-01'))).toMatchObject({
      ok: false,
      error: { code: 'duty_not_open' },
    });
  });

  it('records findings, attaches the unit’s case, closes the duty when done, and shows it in the views', () => {
    const at = beijing('2026-04-13', '10:00');
    let state = recordFindings(plan, opened(), request(), 'mobilise/spot-check', at);
    state = attachFindingCase(state, 'mobilise/spot-check', 0, { caseId: 'town-a-0001' });
    state = recordFindings(plan, state, request({ findings: [], done: true }), 'mobilise/spot-check', at + 1000);
    expect(planFindings(plan, state, request(), at + 2000)).toMatchObject({ ok: false, error: { code: 'duty_done' } });
    const views = dutyViews(plan, state, beijing('2026-04-15'));
    expect(views.map((v) => [v.dutyId, v.by, v.state, v.dueMs, v.findings.length])).toEqual([
      ['spot-check', '第一督导组', 'done', beijing('2026-04-14', '18:00'), 1],
      // Two days after the phase opened, at the default due time; not done by 4/15: overdue.
      ['unannounced', 'office', 'overdue', beijing('2026-04-14', '18:00'), 0],
    ]);
    expect(views[0]!.findings[0]).toEqual({
      unitId: 'town-a',
      text: '工作小组名单未公示',
      by: 'leader:deputy',
      atMs: at,
      caseId: 'town-a-0001',
    });
    expect(state.timeline.at(-1)?.what).toBe('工作小组组建情况督查: 0 finding(s) recorded by leader:deputy; duty done');
  });

  it('reminds the duty’s owner the day before it is due and tells them a day after while it is not done', () => {
    let state = opened();
    expect(nextCampaignWakeMs(plan, state)).toBe(beijing('2026-04-13', '18:00'));
    const reminded = advanceCampaign(plan, state, beijing('2026-04-13', '18:00'));
    const notices = reminded.commands.flatMap((c) => (c.type === 'notify' ? [c] : []));
    expect(notices.map((c) => [c.eventKey, c.audience, c.body.kind === 'duty_due' && c.body.overdue])).toEqual([
      ['duty:mobilise:spot-check:1', [{ leader: 'deputy' }, 'office'], false],
      ['duty:mobilise:unannounced:1', ['office'], false],
    ]);
    // Nothing twice; the team closes its duty, so only the office's is overdue two days later.
    state = reminded.state;
    expect(advanceCampaign(plan, state, beijing('2026-04-14')).commands).toEqual([]);
    state = recordFindings(
      plan,
      state,
      request({ findings: [], done: true }),
      'mobilise/spot-check',
      beijing('2026-04-14'),
    );
    expect(nextCampaignWakeMs(plan, state)).toBe(beijing('2026-04-15', '18:00'));
    const overdue = advanceCampaign(plan, state, beijing('2026-04-15', '18:00')).commands;
    expect(overdue.flatMap((c) => (c.type === 'notify' ? [[c.eventKey, c.body]] : []))).toEqual([
      [
        'duty:mobilise:unannounced:2',
        {
          kind: 'duty_due',
          phaseName: '宣传发动',
          title: '暗查',
          dutyKind: 'unannounced-check',
          dueAt: new Date(beijing('2026-04-14', '18:00')).toISOString(),
          overdue: true,
          findings: 0,
        },
      ],
    ]);
  });
});
