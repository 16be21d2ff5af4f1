import { describe, expect, it } from 'vitest';
import { CaseFilingSchema } from '../../../domain/cases/case-schema';
import { unitLedgerContext } from '../../../domain/cases/ledger-context';
import { planFiling } from '../../../domain/unit/ledger-filing';
import { applyFilingPlan, filterCases, planCaseChange } from '../../../domain/unit/unit-cases';
import { initialUnitState, type UnitState } from '../../../domain/unit/unit-state';
import { countyContext, DAY, filing, FILED_AT } from '../cases/case-fixture';

/** 东方镇 with filing open (a filing phase has opened). */
const openUnit = (): UnitState => ({
  ...initialUnitState('town-dongfang', '东方镇', unitLedgerContext(countyContext, 'town-dongfang')),
  filingPhases: ['investigate'],
});

function accepted(state: UnitState, request: Parameters<typeof planFiling>[1]) {
  const plan = planFiling(state, request, FILED_AT);
  if (!plan.ok) throw new Error(plan.error.message);
  return plan;
}

function withTwoCases(): UnitState {
  const state = openUnit();
  const plan = accepted(state, {
    filings: [filing(), filing({ title: '征地补偿', deadline: '2008-04-25' })],
    by: 'unit',
  });
  return applyFilingPlan(state, plan, undefined).state;
}

describe("a unit's own ledger", () => {
  it('stages a chunk of an import and files nothing until the last chunk', () => {
    const state = openUnit();
    const first = accepted(state, {
      filings: [filing()],
      by: 'unit',
      notify: true,
      importId: 'imp-1',
      chunk: 0,
      chunks: 2,
    });
    const staged = applyFilingPlan(state, first, 'imp-1');
    expect(staged.state.ledger.cases).toEqual([]);
    expect(staged.state.staged).toMatchObject({ importId: 'imp-1', received: 1 });
    expect(staged.commands).toEqual([]);

    const last = accepted(staged.state, {
      filings: [filing({ title: '征地补偿' })],
      by: 'unit',
      importId: 'imp-1',
      chunk: 1,
      chunks: 2,
    });
    const filed = applyFilingPlan(staged.state, last, 'imp-1');
    expect(filed.state.ledger.cases).toHaveLength(2);
    expect(filed.state.staged).toBeUndefined();
    expect(filed.commands.length).toBeGreaterThan(0);
  });

  it('leaves an import in progress alone when a single case is filed meanwhile', () => {
    const state = openUnit();
    const chunk = accepted(state, { filings: [filing()], by: 'unit', importId: 'imp-1', chunk: 0, chunks: 2 });
    const staging = applyFilingPlan(state, chunk, 'imp-1').state;
    const single = accepted(staging, { filings: [filing({ title: '征地补偿' })], by: 'unit' });
    const after = applyFilingPlan(staging, single, undefined).state;
    expect(after.ledger.cases).toHaveLength(1);
    expect(after.staged).toEqual(staging.staged);
  });

  it('refuses case events once the campaign has ended, and filings sent as an event', () => {
    const state = withTwoCases();
    const caseId = state.ledger.cases[0]!.id;
    const note = { type: 'note' as const, caseId, text: '已约谈', kind: 'talk-record' as const, by: 'unit' };
    expect(planCaseChange(state, note, FILED_AT + DAY)).toMatchObject({ ok: true, event: note });
    expect(planCaseChange({ ...state, ended: true }, note, FILED_AT + DAY)).toMatchObject({
      ok: false,
      error: { code: 'campaign_ended' },
    });
    expect(
      planCaseChange(state, { type: 'file', filing: CaseFilingSchema.parse(filing()), by: 'unit' }, FILED_AT),
    ).toMatchObject({
      ok: false,
      error: { code: 'use_file_cases' },
    });
  });

  it('lets a case go to a unit its ledger did not know at its start', () => {
    const state = withTwoCases();
    const caseId = state.ledger.cases[0]!.id;
    const transfer = { type: 'transfer' as const, caseId, toUnit: 'town-new', reason: '属地管辖', by: 'office' };
    expect(planCaseChange(state, transfer, FILED_AT + DAY)).toMatchObject({ ok: true });
  });

  it('lists cases by number, status and deadline', () => {
    const { ledger } = withTwoCases();
    const [first, second] = ledger.cases;
    expect(filterCases(ledger, { caseId: second!.id }, FILED_AT)).toEqual([second]);
    expect(filterCases(ledger, { status: 'open' }, FILED_AT)).toHaveLength(2);
    // 2008-04-25 has passed by May; 2008-07-15 has not.
    expect(filterCases(ledger, { overdue: true }, FILED_AT + 15 * DAY)).toEqual([second]);
    expect(filterCases(ledger, { unreconciled: true }, FILED_AT)).toEqual([first, second]);
  });
});
