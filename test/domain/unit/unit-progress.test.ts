import { describe, expect, it } from 'vitest';
import {
  ledgerProgress,
  nextProgressVersion,
  unreconciledReported,
  UNRECONCILED_LISTED,
} from '../../../domain/unit/unit-progress';
import { FILED_AT, countyContext, filing, ledgerOf } from '../cases/case-fixture';

const openCases = (count: number) =>
  ledgerOf(Array.from({ length: count }, (_, i) => filing({ title: `案件${i + 1}` })));

describe('the blocking cases a unit names to its campaign', () => {
  it('fill the refusal list together, however many units share it', () => {
    expect(unreconciledReported(1)).toBe(UNRECONCILED_LISTED);
    expect(unreconciledReported(2)).toBe(10);
    expect(unreconciledReported(7)).toBe(3);
    expect(unreconciledReported(1_000)).toBe(3);
    // A unit's ledger before the roster was known still names a few.
    expect(unreconciledReported(0)).toBe(UNRECONCILED_LISTED);
    for (const units of [1, 3, 6, 7, 20, 1_000]) {
      expect(unreconciledReported(units) * units).toBeGreaterThanOrEqual(Math.min(UNRECONCILED_LISTED, 3 * units));
    }
  });

  it('are the first few of a long list, with the count exact', () => {
    // The county of the fixture has eight units: each names three.
    const progress = ledgerProgress(openCases(12), FILED_AT);
    expect(countyContext.units).toHaveLength(8);
    expect(progress.unreconciled.map((c) => c.title)).toEqual(['案件1', '案件2', '案件3']);
    expect(progress.unreconciledCount).toBe(12);
    expect(progress.open).toBe(12);
  });

  it('are all of them when a lone unit has fewer than the list holds', () => {
    const ledger = { ...openCases(12), context: { ...countyContext, units: countyContext.units.slice(0, 1) } };
    const progress = ledgerProgress(ledger, FILED_AT);
    expect(progress.unreconciled).toHaveLength(12);
    expect(progress.unreconciledCount).toBe(12);
  });
});

describe("the version of a unit's progress report", () => {
  const clock = Date.UTC(2026, 10, 30, 6, 0);

  it('rises with every report, even many in one millisecond of workflow time', () => {
    const first = nextProgressVersion(0, clock);
    expect(first).toBe(clock);
    const second = nextProgressVersion(first, clock);
    expect(second).toBe(clock + 1);
    expect(nextProgressVersion(second, clock + 0.5)).toBe(clock + 2);
  });

  it('after a reset, outranks whatever the abandoned branch sent before the reset ran', () => {
    // The branch counted on from the reset point's version and reported for a while ...
    let abandoned = nextProgressVersion(0, clock);
    for (let minute = 1; minute <= 30; minute++) abandoned = nextProgressVersion(abandoned, clock + minute * 60_000);
    // ... the reset run starts again from the reset point's version, on a later clock.
    const afterReset = nextProgressVersion(nextProgressVersion(0, clock), clock + 31 * 60_000);
    expect(afterReset).toBeGreaterThan(abandoned);
  });

  it('outranks the counted versions of units that ran before it was taken from the clock', () => {
    expect(nextProgressVersion(41, clock)).toBeGreaterThan(10_000);
  });
});
