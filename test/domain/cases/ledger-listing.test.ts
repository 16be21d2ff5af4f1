import { describe, expect, it } from 'vitest';
import {
  checkHistoryRoom,
  HISTORY_BUDGET_BYTES,
  LEDGER_LIMITS,
  wholeListing,
} from '../../../domain/cases/ledger-limits';

describe('a listing asked for in one answer', () => {
  it('answers while the listing fits one page', () => {
    const items = Array.from({ length: LEDGER_LIMITS.pageCases }, (_, i) => ({ id: `case-${i}` }));
    expect(wholeListing(items)).toEqual({ ok: true, items });
  });

  it('refuses, pointing at the paged query, one case past a page: never a short answer that looks whole', () => {
    const items = Array.from({ length: LEDGER_LIMITS.pageCases + 1 }, (_, i) => ({ id: `case-${i}` }));
    const listing = wholeListing(items);
    expect(listing).toMatchObject({ ok: false, code: 'listing_too_big' });
    if (!listing.ok) expect(listing.message).toMatch(/^501 件案件超出一次应答的上限.*casesPage/);
  });

  it('refuses by bytes too: 300 cases of 2,000 characters each are over a quarter of the payload limit', () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ id: `case-${i}`, title: '字'.repeat(2_000) }));
    expect(wholeListing(items)).toMatchObject({ ok: false });
  });
});

describe("room in a run's history for one more import update", () => {
  it('takes an update that ends within the budget and refuses one past it, naming the size', () => {
    expect(checkHistoryRoom(HISTORY_BUDGET_BYTES - 100_000, 100_000)).toBeUndefined();
    const refusal = checkHistoryRoom(HISTORY_BUDGET_BYTES - 100_000, 100_001);
    expect(refusal).toMatchObject({ code: 'unit_ledger_full' });
    expect(refusal?.message).toMatch(/^本单位工作流的历史已近上限（40 MB \/ 50 MB）/);
  });
});
