import { describe, expect, it } from 'vitest';
import { combineScores } from '../../../domain/assessment/combine';
import { dec, fixed, round } from '../../../domain/assessment/decimal';

const scores = (...values: string[]) => values.map((v, i) => ({ assessor: `j${i + 1}`, score: dec(v) }));
const trimmed = { method: 'trimmed-mean', dropHighest: 1, dropLowest: 1, over: 'item' } as const;

describe('combining assessors’ scores', () => {
  it.each([
    // method, scores, exact value, kept
    ['mean', ['9.1', '9.2'], '9.15', ['j1', 'j2']],
    ['mean', ['8', '9', '10'], '9', ['j1', 'j2', 'j3']],
    ['median', ['3', '1', '2'], '2', ['j3']],
    ['median', ['7', '9', '8', '10'], '8.5', ['j3', 'j2']],
  ] as const)('%s of %j is %s', (method, values, value, kept) => {
    const result = combineScores(scores(...values), { ...trimmed, method, dropHighest: 0, dropLowest: 0 });
    if (!result.ok) throw new Error('expected a value');
    expect(result.combined.value.toString()).toBe(value);
    expect(result.combined.kept).toEqual(kept);
  });

  it('keeps 9.15 exact where binary floating point would publish 9.1', () => {
    const result = combineScores(scores('9.1', '9.2'), { ...trimmed, method: 'mean' });
    if (!result.ok) throw new Error('expected a value');
    expect(((9.1 + 9.2) / 2).toFixed(1)).toBe('9.1'); // the surprise this module exists to avoid
    expect(fixed(round(result.combined.value, 1, 'half-up'), 1)).toBe('9.2');
    expect(fixed(round(result.combined.value, 1, 'half-even'), 1)).toBe('9.2');
    expect(fixed(round(result.combined.value, 1, 'down'), 1)).toBe('9.1');
  });

  it('drops the highest and the lowest and names them (去掉一个最高分和一个最低分)', () => {
    const result = combineScores(scores('9.1', '9.3', '9.15', '8.8', '9.5'), trimmed);
    if (!result.ok) throw new Error('expected a value');
    // (9.1 + 9.15 + 9.3) / 3 = 27.55 / 3 = 9.18333…
    expect(fixed(round(result.combined.value, 2, 'half-up'), 2)).toBe('9.18');
    expect(result.combined.kept).toEqual(['j1', 'j3', 'j2']);
    expect(result.combined.dropped).toEqual([
      { assessor: 'j4', reason: 'lowest' },
      { assessor: 'j5', reason: 'highest' },
    ]);
  });

  it('drops one of two equal highest scores, the same one every time', () => {
    const result = combineScores(scores('9', '10', '8', '10'), trimmed);
    if (!result.ok) throw new Error('expected a value');
    expect(result.combined.value.toString()).toBe('9.5');
    expect(result.combined.dropped).toEqual([
      { assessor: 'j3', reason: 'lowest' },
      { assessor: 'j4', reason: 'highest' },
    ]);
  });

  it('refuses a trimmed mean with no more scores than it drops, and no scores at all', () => {
    expect(combineScores(scores('9', '8'), trimmed)).toEqual({
      ok: false,
      failure: { code: 'too_few_to_trim', count: 2, drops: 2 },
    });
    expect(combineScores([], { ...trimmed, method: 'mean' })).toEqual({ ok: false, failure: { code: 'no_scores' } });
  });
});
