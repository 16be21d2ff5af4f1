import { describe, expect, it } from 'vitest';
import { readScoreSheet } from '../../../domain/assessment/score-sheet';
import type { AssessmentInput } from '../../../domain/plan/assessment-schema';
import { compute, modelOf, panel } from './assessment-fixture';

const assessment: AssessmentInput = {
  title: '比赛',
  panel: panel(3),
  items: [
    { id: 'song', name: '演唱', points: 4 },
    { id: 'props', name: '道具', points: 1, assessors: ['j1', 'j2'] },
    { id: 'on-time', name: '按时上报', points: 5, computed: { fact: 'on-time-rate' } },
  ],
  combine: { method: 'trimmed-mean', dropHighest: 1, dropLowest: 0 },
};
const row = (n: number, assessor: string, unit: string, item: string, score: string) => ({
  row: n,
  assessor,
  unit,
  item,
  score,
});

describe('a sheet of scores', () => {
  it('takes ids or names, and refuses each bad row with a sentence', () => {
    const sheet = readScoreSheet(modelOf(assessment), [
      row(2, '评委1', '单位1', '演唱', '3.5'),
      row(3, 'j1', 'u1', 'song', '4.5'),
      row(4, 'j3', 'u1', 'props', '1'),
      row(5, 'j9', 'u1', 'song', '3'),
      row(6, 'j1', '单位9', 'song', '3'),
      row(7, 'j1', 'u1', 'dance', '3'),
      row(8, 'j1', 'u1', 'on-time', '3'),
      row(9, 'j1', 'u1', 'song', 'abc'),
      row(10, 'j1', 'u1', 'song', '-1'),
    ]);
    expect(sheet.scores.size).toBe(1);
    expect(sheet.issues.map((i) => `${i.row} ${i.code}: ${i.message}`)).toEqual([
      '3 score_out_of_range: 4.5 is out of range: 演唱 is scored from 0 to 4',
      '4 not_an_assessor: 评委3 does not score 道具',
      '5 unknown_assessor: "j9" is neither a leader nor on the assessment panel',
      '6 unknown_unit: "单位9" is not one of the units assessed',
      '7 unknown_item: "dance" is not an assessment item',
      "8 computed_item: 按时上报 is computed from the campaign's facts; nobody scores it",
      '9 not_a_number: the score "abc" is not a number',
      '10 not_a_number: the score "-1" is not a number',
    ]);
  });

  it('lets a second score for the same assessor, unit and item replace the first, and says so', () => {
    const sheet = readScoreSheet(modelOf(assessment), [
      row(2, 'j1', 'u1', 'song', '3'),
      row(3, 'j1', 'u1', 'song', '3.25'),
    ]);
    expect([...sheet.scores.values()].map((s) => s.score.toString())).toEqual(['3.25']);
    expect(sheet.replaced.map((s) => s.row)).toEqual([2]);
    expect(sheet.issues).toEqual([
      {
        severity: 'warning',
        code: 'duplicate_score',
        row: 3,
        message: 'replaces row 2 (3 → 3.25) for the same assessor, unit and item: the later score counts',
      },
    ]);
  });

  it('warns of a missing score, and refuses an item left with no more scores than the trimmed mean drops', () => {
    const rows = ['u1', 'u2', 'u3'].flatMap((unit) => [
      row(2, 'j1', unit, 'song', '3'),
      row(3, 'j2', unit, 'song', '4'),
      ...(unit === 'u3' ? [] : [row(4, 'j3', unit, 'song', '2')]),
      row(5, 'j1', unit, 'props', '1'),
      ...(unit === 'u2' ? [] : [row(6, 'j2', unit, 'props', '0.5')]),
    ]);
    const computed = compute(modelOf(assessment), rows);
    expect(computed.ok).toBe(false);
    if (computed.ok) return;
    expect(computed.warnings.map((w) => w.message)).toEqual([
      '单位2: 道具 has no score from 评委2',
      '单位3: 演唱 has no score from 评委3',
    ]);
    expect(computed.errors.map((e) => e.message)).toEqual([
      '单位2: 道具 has 1 score(s), and the trimmed mean drops 1; at least 2 are needed',
    ]);
  });
});
