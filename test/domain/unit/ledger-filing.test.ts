import { describe, expect, it } from 'vitest';
import { planFiling, type FilingPlan } from '../../../domain/unit/ledger-filing';
import { applyFilingPlan } from '../../../domain/unit/unit-cases';
import { initialUnitState, type UnitState } from '../../../domain/unit/unit-state';
import { FILED_AT, countyContext, filing } from '../cases/case-fixture';

const closedState = (): UnitState => initialUnitState('town-dongfang', '东方镇', countyContext);
const openState = (): UnitState => ({ ...closedState(), filingPhases: ['investigate'] });

const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => filing({ externalRef: `BY-${from + i}`, title: `案件${from + i}` }));

function expectRefusal(plan: FilingPlan, code: string): string {
  if (plan.ok) throw new Error(`expected ${code}, got ${plan.kind}`);
  expect(plan.error.code).toBe(code);
  return plan.error.message;
}

/** Applies a plan the way the unit workflow does, so chunks can follow one another. */
function apply(state: UnitState, plan: FilingPlan): UnitState {
  if (!plan.ok) throw new Error(plan.error.message);
  if (plan.kind === 'staged') return { ...state, staged: plan.staged };
  return { ...state, ledger: plan.outcome.ledger, staged: undefined };
}

describe('when a unit may file cases', () => {
  it('refuses filing before any filing phase has opened, saying which phase opens it', () => {
    const message = expectRefusal(
      planFiling(closedState(), { filings: rows(1, 1), by: 'u' }, FILED_AT),
      'filing_not_open',
    );
    expect(message).toMatch(/phase that allows filing/);
  });

  it('files once a filing phase has opened, and keeps filing open to the end (随时上报)', () => {
    const plan = planFiling(openState(), { filings: rows(1, 2), by: 'u' }, FILED_AT);
    expect(plan).toMatchObject({ ok: true, kind: 'filed' });
  });

  it('closes the ledger when the campaign ends', () => {
    expectRefusal(
      planFiling({ ...openState(), ended: true }, { filings: rows(1, 1), by: 'u' }, FILED_AT),
      'campaign_ended',
    );
  });

  it("refuses another unit's case, naming the filing", () => {
    const other = filing({ owningUnit: 'court' });
    const message = expectRefusal(
      planFiling(openState(), { filings: [...rows(1, 1), other], by: 'u' }, FILED_AT),
      'invalid_filings',
    );
    expect(message).toMatch(/filing 2 \(owningUnit\): the case belongs to "court"/);
  });
});

describe('a ledger file sent in chunks', () => {
  const chunked = (chunk: number, filings = rows(chunk * 3 + 1, 3)) => ({
    filings,
    by: 'office',
    importId: 'import-1',
    chunk,
    chunks: 3,
  });

  it('stages every chunk and files all the rows together with the last one', () => {
    let state = openState();
    for (const chunk of [0, 1]) {
      const plan = planFiling(state, chunked(chunk), FILED_AT);
      expect(plan).toMatchObject({ ok: true, kind: 'staged' });
      state = apply(state, plan);
      expect(state.ledger.cases).toHaveLength(0);
    }
    const last = planFiling(state, chunked(2), FILED_AT);
    state = apply(state, last);
    expect(state.ledger.cases.map((c) => c.externalRef)).toEqual(rows(1, 9).map((r) => r.externalRef));
    expect(state.staged).toBeUndefined();
  });

  it('refuses a bad row in a later chunk with its row number over the whole file, and files nothing', () => {
    const state = apply(openState(), planFiling(openState(), chunked(0), FILED_AT));
    const bad = [
      filing({ externalRef: 'BY-4', title: '案件4' }),
      filing({ externalRef: 'BY-5', title: '案件5', category: 'nope' }),
    ];
    const message = expectRefusal(planFiling(state, chunked(1, bad), FILED_AT), 'invalid_filings');
    expect(message).toMatch(/^Nothing was filed: 1 filing\(s\) are invalid: filing 5 /);
    expect(state.ledger.cases).toHaveLength(0);
    expect(state.staged?.rows).toBe(3);
  });

  it('refuses chunks out of order and chunks of an import it never began', () => {
    const state = apply(openState(), planFiling(openState(), chunked(0), FILED_AT));
    expect(expectRefusal(planFiling(state, chunked(2), FILED_AT), 'import_out_of_order')).toMatch(
      /expects chunk 2 of 3, not 3 of 3/,
    );
    expectRefusal(planFiling(openState(), chunked(1), FILED_AT), 'import_not_started');
    expectRefusal(planFiling(state, { ...chunked(1), importId: 'import-2' }, FILED_AT), 'import_not_started');
    expectRefusal(planFiling(state, { ...chunked(0), chunk: 3 }, FILED_AT), 'invalid_chunk');
  });

  it('starts afresh when the first chunk of a new import arrives over an abandoned one', () => {
    const abandoned = apply(openState(), planFiling(openState(), chunked(0), FILED_AT));
    const fresh = planFiling(abandoned, { ...chunked(0, rows(100, 2)), importId: 'import-2' }, FILED_AT);
    expect(fresh).toMatchObject({ ok: true, kind: 'staged', staged: { importId: 'import-2', received: 1 } });
    if (fresh.ok && fresh.kind === 'staged') expect(fresh.staged.rows).toBe(2);
  });

  it('refuses the last chunk when a case filed meanwhile took a staged number, filing nothing', () => {
    let state = apply(openState(), planFiling(openState(), chunked(0), FILED_AT));
    // A single filing between two chunks gets the next number, the one the first staged row holds.
    const single = planFiling(state, { filings: [filing({ title: '另一件' })], by: 'clerk' }, FILED_AT);
    if (!single.ok) throw new Error(single.error.message);
    state = applyFilingPlan(state, single, undefined).state;
    state = apply(state, planFiling(state, chunked(1), FILED_AT));
    const message = expectRefusal(planFiling(state, chunked(2), FILED_AT), 'import_interrupted');
    expect(message).toMatch(/case-0001 was filed meanwhile; nothing was filed, send the file again/);
    expect(state.ledger.cases).toHaveLength(1);
  });

  it('files the last chunk of 100 as quickly as the first: each chunk is checked once', () => {
    const chunks = 100;
    let state = openState();
    const spent: number[] = [];
    for (let chunk = 0; chunk < chunks; chunk++) {
      const request = { filings: rows(chunk * 200 + 1, 200), by: 'office', importId: 'big', chunk, chunks };
      const began = performance.now();
      const plan = planFiling(state, request, FILED_AT);
      spent.push(performance.now() - began);
      state = apply(state, plan);
    }
    expect(state.ledger.cases).toHaveLength(20_000);
    const first = spent.slice(1, 11).reduce((a, b) => a + b, 0) / 10;
    const last = spent.slice(-10).reduce((a, b) => a + b, 0) / 10;
    // Checking every staged row again made the last chunk ~100 times the first; an index rebuild stays far below.
    expect(last).toBeLessThan(first * 30 + 100);
  });

  it('recognises rows of a re-imported file instead of filing them twice', () => {
    const once = apply(openState(), planFiling(openState(), { filings: rows(1, 3), by: 'office' }, FILED_AT));
    const again = planFiling(once, { filings: rows(1, 3), by: 'office' }, FILED_AT);
    expect(again).toMatchObject({ ok: true, kind: 'filed' });
    if (again.ok && again.kind === 'filed') {
      expect(again.outcome.filed).toEqual([]);
      expect(again.outcome.duplicates).toHaveLength(3);
    }
  });
});
