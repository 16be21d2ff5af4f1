import { describe, expect, it } from 'vitest';
import { closingFacts, unitFactsFrom } from '../../../domain/assessment/campaign-facts';
import { NO_FACTS, UnitFactsSchema } from '../../../domain/assessment/facts';
import { rankingColumns, rankingNoticeRows } from '../../../domain/assessment/ranking-notice';
import { validatePlan } from '../../../domain/plan/validate-plan';
import { basePlan } from '../plan/plan-fixture';

function plan() {
  const checked = validatePlan(basePlan());
  if (!checked.ok) throw new Error('fixture must be valid');
  return checked.plan;
}

const facts = (counts: Partial<typeof NO_FACTS>) => UnitFactsSchema.parse(counts);

describe('a periodic ranking notice (排名通报)', () => {
  it('ranks units by on-time rate, breaks a tie by 办结率, and lets units still equal share a rank', () => {
    const rows = rankingNoticeRows(
      plan(),
      { every: 'month', rankBy: ['on-time-rate', 'closure-rate'], at: '09:00' },
      {
        // town-a: 2 of 3 on time (66.7%), 1 of 4 cases closed; town-b: 2 of 3, 3 of 4; dept-c: 3 of 3, none filed.
        'town-a': facts({ owed: 3, onTime: 2, late: 1, casesFiled: 4, casesClosed: 1 }),
        'town-b': facts({ owed: 3, onTime: 2, missing: 1, casesFiled: 4, casesClosed: 3 }),
        'dept-c': facts({ owed: 3, onTime: 3 }),
      },
    );
    expect(rows).toEqual([
      { rank: 1, unitId: 'dept-c', unitName: 'dept-c', values: ['按时上报率 100.0%', '办结率 —'] },
      { rank: 2, unitId: 'town-b', unitName: 'town-b', values: ['按时上报率 66.7%', '办结率 75.0%'] },
      { rank: 3, unitId: 'town-a', unitName: 'town-a', values: ['按时上报率 66.7%', '办结率 25.0%'] },
    ]);
  });

  it('counts a unit with no facts yet as having missed nothing, and names the columns in Chinese', () => {
    const notice = { every: 'week' as const, rankBy: ['on-time-rate' as const], at: '09:00' };
    const rows = rankingNoticeRows(plan(), notice, { 'town-b': facts({ owed: 2, onTime: 1, late: 1 }) });
    expect(rows.map((r) => [r.rank, r.unitId, r.values[0]])).toEqual([
      [1, 'town-a', '按时上报率 —'],
      [1, 'dept-c', '按时上报率 —'],
      [3, 'town-b', '按时上报率 50.0%'],
    ]);
    expect(rankingColumns(notice)).toEqual(['按时上报率']);
  });
});

describe('a unit’s facts read from the campaign', () => {
  it('counts reports by state (past due and not in is missing), notices among escalations, marks and cases', () => {
    const record = {
      rows: [
        { state: 'on-time' as const },
        { state: 'late' as const },
        { state: 'missing' as const },
        { state: 'overdue' as const },
        { state: 'open' as const },
      ],
      escalations: [{ publicNotice: false }, { publicNotice: true }],
      marks: [{}],
      cases: { filed: 5, closed: 2, overdue: 1 },
    };
    expect(unitFactsFrom(record)).toEqual({
      ...NO_FACTS,
      owed: 4,
      onTime: 1,
      late: 1,
      missing: 2,
      casesFiled: 5,
      casesClosed: 2,
      overdueCases: 1,
      escalationSteps: 2,
      publicNotices: 1,
      accountabilityMarks: 1,
    });
  });

  it('lets the office’s facts for a unit replace the campaign’s, and takes vetoes only from the office', () => {
    const campaign = { 'town-a': facts({ publicNotices: 1 }), 'town-b': facts({ owed: 1, onTime: 1 }) };
    const given = {
      units: { 'town-a': facts({ publicNotices: 2 }) },
      vetoes: [{ entrant: 'town-b', by: 'leader-head', reason: '发生重大安全事故' }],
    };
    expect(closingFacts(campaign, given)).toEqual({
      units: { 'town-a': facts({ publicNotices: 2 }), 'town-b': facts({ owed: 1, onTime: 1 }) },
      vetoes: given.vetoes,
    });
    expect(closingFacts(undefined, undefined)).toEqual({ units: {}, vetoes: [] });
  });
});
