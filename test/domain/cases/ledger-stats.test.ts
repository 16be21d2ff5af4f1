import { describe, expect, it } from 'vitest';
import { applyCaseEvent } from '../../../domain/cases/case-ledger';
import type { CaseEventInput } from '../../../domain/cases/case-events';
import type { CaseLedger } from '../../../domain/cases/case-schema';
import { ledgerStats, overdueCases, unreconciled } from '../../../domain/cases/ledger-stats';
import { DAY, FILED_AT, completeReport, filing, ledgerOf } from './case-fixture';

function applyAll(ledger: CaseLedger, events: CaseEventInput[]): CaseLedger {
  return events.reduce((l, event) => {
    const outcome = applyCaseEvent(l, event, FILED_AT + DAY);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.ledger;
  }, ledger);
}

const submit = (caseId: string): CaseEventInput => ({
  type: 'submitClosure',
  caseId,
  by: 'unit',
  report: completeReport(),
});
const accept = (caseId: string): CaseEventInput => ({ type: 'accept', caseId, by: '信访局' });

/**
 * Five cases, counted by hand as of 2008-07-20:
 *  case-0001 东方镇  hot-issue  [repeated]              closed
 *  case-0002 东方镇  law-related [collective, repeated] open, due 07-15 → overdue
 *  case-0003 东方镇  hot-issue  []                      closure submitted, due 07-15 (not overdue: the office holds it)
 *  case-0004 县法院  law-related [beijing-bound]         open, due 07-31, next steps recorded
 *  case-0005 县法院  handed-down [handed-down]           closed
 */
function smallLedger(): CaseLedger {
  const ledger = ledgerOf([
    filing({ title: 'a' }),
    filing({ title: 'b', category: 'law-related', priority: ['collective', 'repeated'] }),
    filing({ title: 'c', priority: [] }),
    filing({
      title: 'd',
      owningUnit: 'court',
      category: 'law-related',
      priority: ['beijing-bound'],
      deadline: '2008-07-31',
    }),
    filing({ title: 'e', owningUnit: 'court', category: 'handed-down', priority: ['handed-down'] }),
  ]);
  return applyAll(ledger, [
    submit('case-0001'),
    accept('case-0001'),
    submit('case-0003'),
    { type: 'nextSteps', caseId: 'case-0004', by: '县法院', text: '依法审理，判决后做好释法明理' },
    submit('case-0005'),
    accept('case-0005'),
  ]);
}

const AS_OF = Date.parse('2008-07-20T09:00:00+08:00');

describe('ledger statistics', () => {
  it('match a hand count overall', () => {
    expect(ledgerStats(smallLedger(), AS_OF).overall).toEqual({
      filed: 5,
      open: 3,
      awaitingAcceptance: 1,
      closed: 2,
      overdue: 1,
      closureRate: 0.4,
    });
  });

  it('match a hand count per unit, and give a unit with no cases no closure rate', () => {
    const { byUnit } = ledgerStats(smallLedger(), AS_OF);
    expect(byUnit['town-dongfang']).toMatchObject({ filed: 3, open: 2, closed: 1, overdue: 1 });
    expect(byUnit['town-dongfang']?.closureRate).toBeCloseTo(1 / 3);
    expect(byUnit['court']).toMatchObject({ filed: 2, open: 1, closed: 1, overdue: 0, closureRate: 0.5 });
    expect(byUnit['police']).toEqual({
      filed: 0,
      open: 0,
      awaitingAcceptance: 0,
      closed: 0,
      overdue: 0,
      closureRate: null,
    });
  });

  it('match a hand count per category and per priority flag', () => {
    const { byCategory, byPriority } = ledgerStats(smallLedger(), AS_OF);
    expect(byCategory['hot-issue']).toMatchObject({ filed: 2, closed: 1 });
    expect(byCategory['law-related']).toMatchObject({ filed: 2, closed: 0, overdue: 1 });
    expect(byCategory['handed-down']).toMatchObject({ filed: 1, closed: 1, closureRate: 1 });
    expect(byCategory['repeated-petition']?.filed).toBe(0);
    expect(byPriority.repeated).toMatchObject({ filed: 2, closed: 1, overdue: 1 });
    expect(byPriority.collective).toMatchObject({ filed: 1, overdue: 1 });
    expect(byPriority['long-standing'].closureRate).toBeNull();
  });

  it('count a case as overdue only after its deadline', () => {
    expect(ledgerStats(smallLedger(), Date.parse('2008-07-15T17:59:00+08:00')).overall.overdue).toBe(0);
    expect(overdueCases(smallLedger(), AS_OF).map((c) => c.id)).toEqual(['case-0002']);
  });

  it('list the cases neither closed nor carrying next steps as unreconciled', () => {
    expect(unreconciled(smallLedger()).map((c) => c.id)).toEqual(['case-0002', 'case-0003']);
  });

  it('find nothing unreconciled once every open case has next steps', () => {
    const steps = (caseId: string): CaseEventInput => ({ type: 'nextSteps', caseId, by: '东方镇', text: '继续化解' });
    expect(unreconciled(applyAll(smallLedger(), [steps('case-0002'), steps('case-0003')]))).toEqual([]);
  });
});
