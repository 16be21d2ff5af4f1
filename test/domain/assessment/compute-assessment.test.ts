import { describe, expect, it } from 'vitest';
import type { AssessmentInput } from '../../../domain/plan/assessment-schema';
import { compute, modelOf, panel, resultOf, rowsOf } from './assessment-fixture';

const summary = (result: ReturnType<typeof resultOf>) =>
  result.ranking.map((r) => `${r.rank} ${r.entrant} ${r.total} ${r.award?.name ?? '-'}`);

describe('weighted items (读书学习 10%, 常规资料 20%, 课堂教学 70%) and levels by score', () => {
  const assessment: AssessmentInput = {
    title: '有效课堂达标验收',
    panel: panel(3),
    items: [
      { id: 'reading', name: '读书学习', weight: 10 },
      { id: 'routine', name: '常规资料', weight: 20 },
      { id: 'teaching', name: '课堂教学', weight: 70 },
    ],
    awards: [
      { id: 'model', name: '示范课', minScore: 88 },
      { id: 'quality', name: '优质课', minScore: 84 },
      { id: 'pass', name: '达标', minScore: 60 },
    ],
  };
  const rows = rowsOf({
    u1: { reading: ['90', '80', '85'], routine: ['80', '90', '85'], teaching: ['88', '92', '90'] },
    u2: { reading: ['100', '100', '100'], routine: ['70', '70', '70'], teaching: ['80', '81', '82'] },
    u3: { reading: ['60', '60', '60'], routine: ['60', '60', '60'], teaching: ['95', '95', '95'] },
  });

  it('adds score / 100 × weight: 8.5 + 17 + 63 = 88.5, and gives each the highest level it reaches', () => {
    const result = resultOf(modelOf(assessment), rows);
    // u2: 10 + 14 + 81 × 0.7 = 80.7; u3: 6 + 12 + 95 × 0.7 = 84.5
    expect(summary(result)).toEqual(['1 u1 88.50 示范课', '2 u3 84.50 优质课', '3 u2 80.70 达标']);
    expect(result.ranking[0]?.items.map((i) => [i.score, i.contribution])).toEqual([
      ['85.00', '8.50'],
      ['85.00', '17.00'],
      ['90.00', '63.00'],
    ]);
    expect(result.maxTotal).toBe('100');
  });

  it('gives no level under the lowest threshold', () => {
    const low = rowsOf({
      u1: { reading: ['50', '50', '50'], routine: ['50', '50', '50'], teaching: ['50', '50', '50'] },
      u2: { reading: ['60', '60', '60'], routine: ['60', '60', '60'], teaching: ['60', '60', '60'] },
      u3: { reading: ['59', '59', '59'], routine: ['60', '60', '60'], teaching: ['60', '60', '60'] },
    });
    // u3: 5.9 + 12 + 42 = 59.9, under 达标 (60)
    expect(summary(resultOf(modelOf(assessment), low))).toEqual(['1 u2 60.00 达标', '2 u3 59.90 -', '3 u1 50.00 -']);
  });
});

describe('points, with each judge’s whole mark dropped when highest or lowest', () => {
  const assessment: AssessmentInput = {
    title: '比赛',
    panel: panel(5),
    items: [
      { id: 'a', name: '甲', points: 4 },
      { id: 'b', name: '乙', points: 6 },
    ],
    combine: { method: 'trimmed-mean', dropHighest: 1, dropLowest: 1, over: 'assessor-total' },
  };

  it('keeps the middle three marks and splits them back into items that add up', () => {
    const rows = rowsOf({
      // judges' marks: 8, 10, 6, 8.5, 9 → drop 10 (j2) and 6 (j3) → (8 + 8.5 + 9) / 3 = 8.5
      u1: { a: ['3', '4', '2', '3.5', '3'], b: ['5', '6', '4', '5', '6'] },
      u2: { a: ['1', '1', '1', '1', '1'], b: ['1', '1', '1', '1', '1'] },
      u3: { a: ['2', '2', '2', '2', '2'], b: ['2', '2', '2', '2', '2'] },
    });
    const u1 = resultOf(modelOf(assessment), rows).ranking[0];
    expect(u1?.total).toBe('8.50');
    // a = (3 + 3.5 + 3) / 3 = 3.1666…, b = (5 + 5 + 6) / 3 = 5.3333…
    expect(u1?.items.map((i) => i.score)).toEqual(['3.17', '5.33']);
    expect(u1?.items[0]?.assessors.filter((a) => a.dropped).map((a) => `${a.assessor} ${a.dropped}`)).toEqual([
      'j2 highest',
      'j3 lowest',
    ]);
  });

  it('refuses a judge’s mark that misses an item', () => {
    const rows = rowsOf({
      u1: { a: ['3', '4', '2', '3.5', '3'], b: ['5', '6', '4', undefined, '6'] },
      u2: { a: ['1', '1', '1', '1', '1'], b: ['1', '1', '1', '1', '1'] },
      u3: { a: ['2', '2', '2', '2', '2'], b: ['2', '2', '2', '2', '2'] },
    });
    const computed = compute(modelOf(assessment), rows);
    expect(computed.ok ? [] : computed.errors.map((e) => e.message)).toEqual([
      "单位1: 评委4 scored 1 of 2 items; a whole mark is needed when assessors' totals are combined",
    ]);
  });
});

describe('deductions and vetoes', () => {
  const assessment: AssessmentInput = {
    title: '考核',
    panel: panel(1),
    items: [{ id: 'work', name: '工作', points: 10 }],
    deductions: [{ id: 'notice', name: '通报批评扣分', fact: 'public-notices', points: 0.5, max: 1 }],
    veto: { when: [{ fact: 'accountability-marks', atLeast: 1 }] },
    awards: [{ id: 'first', name: '先进单位', count: 1 }],
  };
  const rows = rowsOf({ u1: { work: ['9.8'] }, u2: { work: ['9.5'] }, u3: { work: ['9.2'] } });

  it('takes 0.5 per 通报批评, at most 1, off the total', () => {
    const facts = { units: { u1: { publicNotices: 3 } } };
    const result = resultOf(modelOf(assessment), rows, facts);
    expect(summary(result)).toEqual(['1 u2 9.50 先进单位', '2 u3 9.20 -', '3 u1 8.80 -']);
    expect(result.ranking[2]?.deductions).toEqual([{ id: 'notice', name: '通报批评扣分', count: 3, points: '1' }]);
    expect(result.ranking[2]?.subtotal).toBe('9.80');
  });

  it('vetoes a unit with an accountability mark, and one a leader vetoed with a reason: ranked, never awarded', () => {
    const facts = {
      units: { u1: { accountabilityMarks: 1 } },
      vetoes: [{ entrant: 'u2', by: 'leader-head', reason: '发生进京非正常上访' }],
    };
    const result = resultOf(modelOf(assessment), rows, facts);
    expect(summary(result)).toEqual(['1 u1 9.80 -', '2 u2 9.50 -', '3 u3 9.20 先进单位']);
    expect(result.vetoed).toEqual([
      { entrant: 'u1', name: '单位1', reasons: ['责任追究次数 1（一票否决：1 次及以上）'] },
      { entrant: 'u2', name: '单位2', reasons: ['leader-head：发生进京非正常上访'] },
    ]);
  });

  it('refuses a veto recorded by someone who is not a leader', () => {
    const computed = compute(modelOf(assessment), rows, { vetoes: [{ entrant: 'u2', by: 'j1', reason: '不服从' }] });
    expect(computed.ok ? [] : computed.errors.map((e) => e.code)).toEqual(['veto_not_by_leader']);
  });
});

describe('awards per group, then overall by rank, then the rest', () => {
  const assessment: AssessmentInput = {
    title: '歌唱比赛',
    panel: panel(1),
    items: [{ id: 'song', name: '演唱', points: 10 }],
    groups: [
      { id: 'low', name: '低年级', entrants: ['u1', 'u2', 'u3'] },
      { id: 'high', name: '高年级', entrants: ['u4', 'u5', 'u6'] },
    ],
    awards: [
      { id: 'first', name: '一等奖', count: 1, per: 'group' },
      { id: 'second', name: '二等奖', count: 2 },
      { id: 'merit', name: '优秀奖', rest: true },
    ],
  };

  it('gives 一等奖 to the top of each group, 二等奖 to the next two of any group, 优秀奖 to the others', () => {
    const rows = rowsOf({
      u1: { song: ['9'] },
      u2: { song: ['8'] },
      u3: { song: ['7'] },
      u4: { song: ['6'] },
      u5: { song: ['9.5'] },
      u6: { song: ['5'] },
    });
    const result = resultOf(modelOf(assessment, 6), rows);
    expect(result.awards).toEqual([
      { id: 'first', name: '一等奖', entrants: ['u5', 'u1'] },
      { id: 'second', name: '二等奖', entrants: ['u2', 'u3'] },
      { id: 'merit', name: '优秀奖', entrants: ['u4', 'u6'] },
    ]);
  });

  it('shares a rank on equal totals, breaks it by a named item, and lets a tie at the cut-off share the award', () => {
    const tied: AssessmentInput = {
      ...assessment,
      items: [
        { id: 'song', name: '演唱', points: 8 },
        { id: 'order', name: '秩序', points: 2 },
      ],
      groups: [],
      awards: [{ id: 'first', name: '一等奖', count: 1 }],
    };
    const rows = rowsOf({
      u1: { song: ['7'], order: ['2'] },
      u2: { song: ['8'], order: ['1'] },
      u3: { song: ['6'], order: ['2'] },
    });
    const shared = resultOf(modelOf(tied), rows);
    expect(summary(shared)).toEqual(['1 u1 9.00 一等奖', '1 u2 9.00 一等奖', '3 u3 8.00 -']);
    expect(shared.warnings.map((w) => w.code)).toEqual(['tie_at_cutoff']);
    expect(summary(resultOf(modelOf({ ...tied, tiesAtCutoff: 'none' }), rows))).toEqual([
      '1 u1 9.00 -',
      '1 u2 9.00 -',
      '3 u3 8.00 -',
    ]);
    expect(summary(resultOf(modelOf({ ...tied, tieBreak: ['song'] }), rows))).toEqual([
      '1 u2 9.00 一等奖',
      '2 u1 9.00 -',
      '3 u3 8.00 -',
    ]);
  });
});

describe('computed items from the campaign’s facts', () => {
  it('scales a rate and takes points off per count, exactly', () => {
    const assessment: AssessmentInput = {
      title: '督查考评',
      items: [
        { id: 'on-time', name: '按时上报', points: 6, computed: { fact: 'on-time-rate' } },
        { id: 'closure', name: '办结率', points: 3, computed: { fact: 'closure-rate' } },
        { id: 'overdue', name: '超期案件', points: 1, computed: { fact: 'overdue-cases', perEach: 0.25 } },
      ],
    };
    const facts = {
      units: {
        // 6 × 2/3 = 4, 3 × 7/10 = 2.1, 1 − 2 × 0.25 = 0.5 → 6.6
        u1: { owed: 3, onTime: 2, casesFiled: 10, casesClosed: 7, overdueCases: 2 },
        // owed nothing, filed nothing: full marks; 5 overdue cases floor the item at 0 → 9
        u2: { overdueCases: 5 },
      },
    };
    const result = resultOf(modelOf(assessment), [], facts);
    expect(summary(result)).toEqual(['1 u3 10.00 -', '2 u2 9.00 -', '3 u1 6.60 -']);
    expect(result.ranking[2]?.items.map((i) => `${i.fact?.name} ${i.fact?.value} → ${i.score}`)).toEqual([
      '按时上报率 0.6667 → 4.00',
      '办结率 0.7000 → 2.10',
      '超期案件 2.0000 → 0.50',
    ]);
  });
});
