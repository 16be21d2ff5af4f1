import { describe, expect, it } from 'vitest';
import { applyCaseEvent } from '../../../domain/cases/case-ledger';
import {
  caseEscalationSchedule,
  fireCaseEscalations,
  nextCaseEscalationMs,
} from '../../../domain/cases/case-escalation';
import type { CaseLedger } from '../../../domain/cases/case-schema';
import { DAY, HOUR, completeReport, filing, ledgerOf } from './case-fixture';

const DUE = Date.parse('2008-07-15T18:00:00+08:00');

function apply(ledger: CaseLedger, event: Parameters<typeof applyCaseEvent>[1], nowMs: number): CaseLedger {
  const outcome = applyCaseEvent(ledger, event, nowMs);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.ledger;
}

describe('case deadline ladder', () => {
  it('tells the unit head on the deadline, the case-owning leader three days later and the office after a week', () => {
    const [c] = ledgerOf([filing()]).cases;
    expect(c && caseEscalationSchedule(c).map((s) => [s.step, (s.atMs - DUE) / DAY, s.audience])).toEqual([
      [1, 0, ['unit-head']],
      [2, 3, [{ leader: 'leader-zhao' }]],
      [3, 7, ['office']],
    ]);
  });

  it('follows a ladder the plan configures', () => {
    const [c] = ledgerOf([filing()]).cases;
    const ladder = [{ after: '1d', notify: 'office' as const }];
    expect(c && caseEscalationSchedule(c, ladder)).toEqual([
      { step: 1, atMs: DUE + DAY, notify: 'office', audience: ['office'] },
    ]);
  });

  it('waits for the next working day on a plan that keeps quiet on days off (节假日不催报)', () => {
    const quiet = ledgerOf([filing()]);
    const calendar = { daysOff: ['2008-07-18'], workdays: [], weekendsOff: true };
    const ledger = { ...quiet, context: { ...quiet.context, quietCalendar: calendar } };
    const [c] = ledger.cases;
    // Step 2 falls on Friday 7/18, a day off: it goes out on Monday 7/21 at the same time.
    expect(
      c && caseEscalationSchedule(c, ledger.context.ladder, { calendar, timeZone: 'Asia/Shanghai' }),
    ).toMatchObject([
      { step: 1, atMs: DUE },
      { step: 2, atMs: DUE + 6 * DAY },
      { step: 3, atMs: DUE + 7 * DAY },
    ]);
    const first = fireCaseEscalations(ledger, DUE + HOUR);
    expect(nextCaseEscalationMs(first.ledger)).toBe(DUE + 6 * DAY);
    expect(fireCaseEscalations(first.ledger, DUE + 4 * DAY).commands).toEqual([]);
  });

  it('mails a leader outside the plan by email, and tells the office about a leader it cannot reach', () => {
    const byEmail = filing({ owningLeader: { name: '孙书记', email: 'sun@town.example.gov.cn' } });
    const unreachable = filing({ title: '拖欠工程款', owningLeader: { name: '周主任' } });
    const [a, b] = ledgerOf([byEmail, unreachable]).cases;
    expect(a && caseEscalationSchedule(a)[1]?.audience).toEqual([
      { person: { name: '孙书记', email: 'sun@town.example.gov.cn' } },
    ]);
    expect(b && caseEscalationSchedule(b)[1]?.audience).toEqual(['office']);
  });

  it('sends nothing before the deadline and wakes the workflow at the first step', () => {
    const ledger = ledgerOf([filing()]);
    expect(fireCaseEscalations(ledger, DUE - HOUR)).toEqual({ ledger, commands: [] });
    expect(nextCaseEscalationMs(ledger)).toBe(DUE);
  });

  it('sends each step once, in order, and records it in the case history', () => {
    const first = fireCaseEscalations(ledgerOf([filing()]), DUE + HOUR);
    expect(first.commands.map((c) => [c.body.kind, c.body.kind === 'case_overdue' && c.body.step])).toEqual([
      ['case_overdue', 1],
    ]);
    expect(fireCaseEscalations(first.ledger, DUE + 2 * HOUR).commands).toEqual([]);
    expect(nextCaseEscalationMs(first.ledger)).toBe(DUE + 3 * DAY);
    const rest = fireCaseEscalations(first.ledger, DUE + 8 * DAY);
    expect(rest.commands.map((c) => c.body.kind === 'case_overdue' && c.body.step)).toEqual([2, 3]);
    expect(rest.ledger.cases[0]?.history.filter((h) => h.type === 'overdue')).toHaveLength(3);
    expect(nextCaseEscalationMs(rest.ledger)).toBeUndefined();
  });

  it('leaves alone a case whose closure waits for the office', () => {
    const ledger = apply(
      ledgerOf([filing()]),
      { type: 'submitClosure', caseId: 'case-0001', by: '东方镇', report: completeReport() },
      DUE - DAY,
    );
    expect(fireCaseEscalations(ledger, DUE + 8 * DAY).commands).toEqual([]);
    expect(nextCaseEscalationMs(ledger)).toBeUndefined();
  });

  it('starts the ladder over when the deadline is extended', () => {
    const climbed = fireCaseEscalations(ledgerOf([filing()]), DUE + 4 * DAY).ledger;
    const extended = apply(
      climbed,
      { type: 'extend', caseId: 'case-0001', by: '信访局', deadline: '2008-07-31', reason: '等待鉴定结论' },
      DUE + 4 * DAY,
    );
    expect(extended.cases[0]?.overdueStepsSent).toBe(0);
    expect(nextCaseEscalationMs(extended)).toBe(Date.parse('2008-07-31T18:00:00+08:00'));
  });

  it('gives each overdue notice a key that no other step or deadline shares', () => {
    const { commands } = fireCaseEscalations(ledgerOf([filing(), filing({ title: '低保资格' })]), DUE + 8 * DAY);
    expect(new Set(commands.map((c) => c.eventKey)).size).toBe(6);
  });
});
