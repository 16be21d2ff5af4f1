import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkImportSize, importBatches, LEDGER_LIMITS, pageOf, type Page } from '../../../domain/cases/ledger-limits';
import { encodedBytes } from '../../../domain/plan/plan-limits';

const row = (n: number, text = '反映问题') => ({ n, title: `${text}${n}` });

describe('import batches', () => {
  it('cuts 20,000 rows into batches of 200 rows, in order, none lost', () => {
    const rows = Array.from({ length: 20_000 }, (_, n) => row(n));
    const batches = importBatches(rows);
    expect(batches).toHaveLength(100);
    expect(batches.every((b) => b.length === LEDGER_LIMITS.batchRows)).toBe(true);
    expect(batches.flat()).toEqual(rows);
  });

  it('cuts by bytes when the rows are long, each batch under the byte bound', () => {
    const rows = Array.from({ length: 300 }, (_, n) => row(n, '长'.repeat(2_000)));
    const batches = importBatches(rows);
    expect(batches.length).toBeGreaterThan(2);
    for (const batch of batches) expect(encodedBytes(batch)).toBeLessThanOrEqual(LEDGER_LIMITS.batchBytes);
    expect(batches.flat()).toEqual(rows);
  });

  it('keeps every row exactly once, in order, for any sizes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 50 }),
        (texts, maxRows) => {
          const batches = importBatches(texts, maxRows, 2_000);
          expect(batches.flat()).toEqual(texts);
          for (const batch of batches) {
            expect(batch.length).toBeGreaterThan(0);
            expect(batch.length).toBeLessThanOrEqual(maxRows);
            if (batch.length > 1) expect(encodedBytes(batch)).toBeLessThanOrEqual(2_000);
          }
        },
      ),
    );
  });
});

describe('how big an import may be', () => {
  it('takes a unit up to 20,000 cases and a campaign up to 100,000', () => {
    const units = Array.from({ length: 5 }, (_, i) => ({ unitId: `town-${i}`, held: 0, incoming: 20_000 }));
    expect(checkImportSize({ units, campaignHeld: 0 })).toBeUndefined();
  });

  it('refuses a unit past 20,000, naming the limit and how many more it can take', () => {
    const refusal = checkImportSize({
      units: [{ unitId: 'town-a', held: 5_000, incoming: 16_000 }],
      campaignHeld: 5_000,
    });
    expect(refusal?.code).toBe('unit_ledger_full');
    expect(refusal?.message).toContain('单位台帐最多 20000 件');
    expect(refusal?.message).toContain('最多还能导入 15000 件');
    expect(refusal?.message).toContain('town-a');
  });

  it('refuses a campaign past 100,000, naming the limit and the room left', () => {
    const units = Array.from({ length: 3 }, (_, i) => ({ unitId: `town-${i}`, held: 0, incoming: 10_000 }));
    const refusal = checkImportSize({ units, campaignHeld: 80_000 });
    expect(refusal?.code).toBe('campaign_ledger_full');
    expect(refusal?.message).toContain('最多 100000 件');
    expect(refusal?.message).toContain('最多还能导入 20000 件');
  });
});

describe('pages of a listing', () => {
  it('pages 20,000 cases in pages of 500, each under a quarter of the payload limit', () => {
    const cases = Array.from({ length: 20_000 }, (_, n) => row(n, '征地补偿款未足额发放'.repeat(10)));
    const seen: unknown[] = [];
    let from: number | undefined = 0;
    while (from !== undefined) {
      const page: Page<(typeof cases)[number]> = pageOf(cases, from);
      expect(page.total).toBe(20_000);
      expect(page.items.length).toBeLessThanOrEqual(LEDGER_LIMITS.pageCases);
      expect(encodedBytes(page)).toBeLessThanOrEqual(LEDGER_LIMITS.pageBytes + 64);
      seen.push(...page.items);
      from = page.next;
    }
    expect(seen).toEqual(cases);
  });

  it('cuts a page by bytes when cases are long, and always moves on', () => {
    const cases = Array.from({ length: 10 }, (_, n) => row(n, 'x'.repeat(400_000)));
    const first = pageOf(cases, 0);
    expect(first.items).toHaveLength(1);
    expect(first.next).toBe(1);
    expect(pageOf(cases, 9)).toEqual({ items: [cases[9]], total: 10 });
  });

  it('answers an empty page past the end, and reads any start as an index in range', () => {
    expect(pageOf([1, 2, 3], 7)).toEqual({ items: [], total: 3 });
    expect(pageOf([1, 2, 3], -4)).toEqual({ items: [1, 2, 3], total: 3 });
  });
});
