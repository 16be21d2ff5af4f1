import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssessmentInput } from '../../../domain/plan/assessment-schema';
import { modelOf, panel, resultOf } from './assessment-fixture';

/** Any field of 2–12 units in two groups, scored by three judges with tenths, some vetoed by a leader. */
const scenario = fc.integer({ min: 2, max: 12 }).chain((units) =>
  fc.record({
    units: fc.constant(units),
    scores: fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }), {
      minLength: units,
      maxLength: units,
    }),
    vetoed: fc.subarray(Array.from({ length: units }, (_, i) => `u${i + 1}`)),
    second: fc.integer({ min: 1, max: units }),
    ties: fc.constantFrom('all' as const, 'none' as const),
    method: fc.constantFrom('mean' as const, 'median' as const, 'trimmed-mean' as const),
  }),
);

function build(s: {
  units: number;
  second: number;
  ties: 'all' | 'none';
  method: 'mean' | 'median' | 'trimmed-mean';
}): AssessmentInput {
  const ids = Array.from({ length: s.units }, (_, i) => `u${i + 1}`);
  const half = Math.ceil(s.units / 2);
  return {
    title: 'property',
    panel: panel(3),
    items: [{ id: 'only', name: '唯一', points: 10 }],
    combine: { method: s.method, ...(s.method === 'trimmed-mean' ? { dropHighest: 1, dropLowest: 1 } : {}) },
    groups: [
      { id: 'a', name: 'A', entrants: ids.slice(0, half) },
      ...(half < s.units ? [{ id: 'b', name: 'B', entrants: ids.slice(half) }] : []),
    ],
    awards: [
      { id: 'first', name: '一等奖', count: 1, per: 'group' },
      { id: 'second', name: '二等奖', count: s.second },
      { id: 'merit', name: '优秀奖', rest: true },
    ],
    tiesAtCutoff: s.ties,
  };
}

describe('ranking and awards, for any scores', () => {
  it('rank every entrant exactly once, best first, and never award a vetoed one', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const model = modelOf(build(s), s.units);
        const rows = s.scores.flatMap((judges, u) =>
          judges.map((tenths, j) => ({
            row: u * 3 + j + 2,
            assessor: `j${j + 1}`,
            unit: `u${u + 1}`,
            item: 'only',
            score: (tenths / 10).toFixed(1),
          })),
        );
        const vetoes = s.vetoed.map((entrant) => ({ entrant, by: 'leader-head', reason: '一票否决' }));
        const result = resultOf(model, rows, { vetoes });
        const ids = result.ranking.map((r) => r.entrant);
        expect([...ids].sort()).toEqual(model.entrants.map((e) => e.id).sort());
        result.ranking.forEach((r, i) => {
          const next = result.ranking[i + 1];
          if (next) expect(Number(next.total) <= Number(r.total) && next.rank >= r.rank).toBe(true);
        });
        const awarded = result.awards.flatMap((a) => a.entrants);
        expect(new Set(awarded).size).toBe(awarded.length);
        for (const id of s.vetoed) expect(awarded).not.toContain(id);
        // Everyone not vetoed gets something: the last tier is for the rest.
        expect(awarded.length).toBe(s.units - s.vetoed.length);
      }),
      { numRuns: 150 },
    );
  });
});
