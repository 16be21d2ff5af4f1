import { describe, expect, it } from 'vitest';
import { applyCaseEvent, fileCases, type CaseOutcome } from '../../../domain/cases/case-ledger';
import type { CaseEventInput } from '../../../domain/cases/case-events';
import type { CaseLedger } from '../../../domain/cases/case-schema';
import { DAY, FILED_AT, completeReport, emptyLedger, filing, ledgerOf } from './case-fixture';

function applied(outcome: CaseOutcome) {
  if (!outcome.ok) throw new Error(`expected the event to apply: ${outcome.error.code} ${outcome.error.message}`);
  return outcome;
}

/** Applies events in order, one day apart, and returns the last outcome. */
function run(ledger: CaseLedger, events: CaseEventInput[]): CaseOutcome {
  let outcome: CaseOutcome = { ok: true, ledger, commands: [] };
  events.forEach((event, i) => {
    if (outcome.ok) outcome = applyCaseEvent(outcome.ledger, event, FILED_AT + (i + 1) * DAY);
  });
  return outcome;
}

const one = () => ledgerOf([filing()]);
const caseOf = (outcome: CaseOutcome) => applied(outcome).ledger.cases[0];
const submit = { type: 'submitClosure', caseId: 'case-0001', by: '东方镇', report: completeReport() } as const;

describe('filing a case', () => {
  it('numbers the case, opens it and fixes its deadline at the plan due time', () => {
    const outcome = applied(applyCaseEvent(emptyLedger(), { type: 'file', filing: filing(), by: '东方镇' }, FILED_AT));
    const [c] = outcome.ledger.cases;
    expect(c).toMatchObject({ id: 'case-0001', status: 'open', owningUnit: 'town-dongfang', returns: 0 });
    expect(c?.dueAtMs).toBe(Date.parse('2008-07-15T18:00:00+08:00'));
    expect(c?.history).toEqual([{ atMs: FILED_AT, type: 'file', by: '东方镇', detail: 'source: ledger-import' }]);
  });

  it('tells the owning unit and the case-owning leader, found in the plan by name', () => {
    const outcome = applied(applyCaseEvent(emptyLedger(), { type: 'file', filing: filing(), by: '东方镇' }, FILED_AT));
    expect(outcome.ledger.cases[0]?.owningLeader).toEqual({
      name: '赵立军',
      leaderId: 'leader-zhao',
      email: 'zhao@county.example.gov.cn',
    });
    expect(outcome.commands.map((c) => [c.body.kind, c.audience])).toEqual([
      ['case_assigned', ['unit-head', 'unit-contact']],
      ['case_assigned', [{ leader: 'leader-zhao' }]],
    ]);
  });

  it.each([
    ['unknown_unit', { owningUnit: 'town-nowhere' }],
    ['unknown_category', { category: 'weather' }],
    ['unknown_leader', { owningLeader: { name: '某领导', leaderId: 'leader-nobody' } }],
    ['invalid_event', { deadline: '2008-02-30' }],
    ['invalid_event', { handler: ' ' }],
  ])('refuses a filing with %s and leaves the ledger as it was', (code, overrides) => {
    const ledger = emptyLedger();
    const outcome = applyCaseEvent(ledger, { type: 'file', filing: filing(overrides), by: '东方镇' }, FILED_AT);
    expect(outcome).toMatchObject({ ok: false, error: { code } });
    expect(ledger.cases).toEqual([]);
  });

  it('refuses the same case filed twice and names the case already in the ledger', () => {
    const again = filing({ title: ' 宅基地纠纷，长期未解决 ', petitioner: { name: '李某某' } });
    const outcome = applyCaseEvent(one(), { type: 'file', filing: again, by: '东方镇' }, FILED_AT);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'duplicate_case', duplicateOf: 'case-0001' } });
  });

  it('files a batch all or nothing, listing every bad filing by its index', () => {
    const bad = [filing({ owningUnit: 'x', title: '拖欠工资' }), filing({ category: 'y', title: '征地补偿' })];
    const outcome = fileCases(emptyLedger(), [filing(), ...bad], 'office', FILED_AT);
    expect(outcome).toMatchObject({
      ok: false,
      errors: [
        { index: 1, code: 'unknown_unit' },
        { index: 2, code: 'unknown_category' },
      ],
    });
  });
});

describe('working a case', () => {
  it('appends a talk record to the history', () => {
    const event = {
      type: 'note',
      caseId: 'case-0001',
      by: '张明',
      kind: 'talk-record',
      text: '再次听取信访人申诉',
    } as const;
    expect(caseOf(run(one(), [event]))?.history.at(-1)).toMatchObject({
      type: 'note',
      detail: '[talk-record] 再次听取信访人申诉',
    });
  });

  it('transfers a case to another unit and tells that unit', () => {
    const event = {
      type: 'transfer',
      caseId: 'case-0001',
      by: '信访局',
      toUnit: 'land',
      reason: '涉及土地确权',
    } as const;
    const outcome = applied(run(one(), [event]));
    expect(outcome.ledger.cases[0]?.owningUnit).toBe('land');
    expect(outcome.commands[0]).toMatchObject({
      unitId: 'land',
      body: { kind: 'case_assigned', unitName: '县国土资源局' },
    });
  });

  it('refuses a transfer to the unit that already owns the case', () => {
    const event = {
      type: 'transfer',
      caseId: 'case-0001',
      by: '信访局',
      toUnit: 'town-dongfang',
      reason: 'x',
    } as const;
    expect(run(one(), [event])).toMatchObject({ ok: false, error: { code: 'same_unit', path: ['toUnit'] } });
  });

  it('escalates a hard case to a county leader, who joins the case-owning leader', () => {
    const event = {
      type: 'escalate',
      caseId: 'case-0001',
      by: '东方镇',
      toLeader: { name: '钱志平' },
      reason: '合力攻坚',
    } as const;
    const outcome = applied(run(one(), [event]));
    expect(outcome.ledger.cases[0]?.escalations.map((e) => e.leader.leaderId)).toEqual(['leader-qian']);
    expect(outcome.commands[0]?.audience).toEqual([{ leader: 'leader-zhao' }, { leader: 'leader-qian' }, 'unit-head']);
  });

  it('extends the deadline with a reason, but never to an earlier day', () => {
    const later = {
      type: 'extend',
      caseId: 'case-0001',
      by: '信访局',
      deadline: '2008-07-31',
      reason: '需等待法院判决',
    } as const;
    expect(caseOf(run(one(), [later]))?.dueAtMs).toBe(Date.parse('2008-07-31T18:00:00+08:00'));
    const earlier = { ...later, deadline: '2008-06-30' };
    expect(run(one(), [earlier])).toMatchObject({ ok: false, error: { code: 'deadline_not_later' } });
  });

  it('keeps a case open when its closure report misses parts, naming each of them', () => {
    const report = { ...completeReport(), unitSealed: false, signatures: { unitLeader: '', handler: '张明' } };
    const outcome = run(one(), [{ ...submit, report }]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'closure_incomplete', path: ['report'] } });
    expect(outcome.ok ? [] : outcome.error.missing?.map((m) => m.part)).toEqual(['unitLeaderSignature', 'unitSeal']);
  });

  it('waits for the office once a complete closure report is submitted', () => {
    const outcome = applied(run(one(), [submit]));
    expect(outcome.ledger.cases[0]).toMatchObject({ status: 'closure-submitted', closure: completeReport() });
    expect(outcome.commands).toMatchObject([{ audience: ['office'], body: { kind: 'closure_submitted' } }]);
  });

  it('closes the case when the office accepts the closure (销号)', () => {
    const outcome = applied(run(one(), [submit, { type: 'accept', caseId: 'case-0001', by: '信访局' }]));
    expect(outcome.ledger.cases[0]).toMatchObject({ status: 'closed', closedAtMs: FILED_AT + 2 * DAY });
    expect(outcome.commands[0]?.body.kind).toBe('case_closed');
  });

  it('refuses to accept a case whose closure was never submitted', () => {
    const outcome = run(one(), [{ type: 'accept', caseId: 'case-0001', by: '信访局' }]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'closure_not_submitted' } });
  });

  it('reopens a returned case with the reasons and a new deadline, and lets it close later', () => {
    const giveBack: CaseEventInput = {
      type: 'return',
      caseId: 'case-0001',
      by: '信访局',
      reasons: ['回访意见未签字', '缺调查笔录'],
      deadline: '2008-07-20',
    };
    const returned = applied(run(one(), [submit, giveBack]));
    const c = returned.ledger.cases[0];
    expect(c).toMatchObject({ status: 'open', returns: 1, deadline: '2008-07-20', overdueStepsSent: 0 });
    expect(c?.closure).toBeUndefined();
    expect(returned.commands[0]?.body).toMatchObject({
      kind: 'closure_returned',
      reason: '回访意见未签字; 缺调查笔录',
    });
    const closed = run(returned.ledger, [submit, { type: 'accept', caseId: 'case-0001', by: '信访局' }]);
    expect(caseOf(closed)?.status).toBe('closed');
  });

  it('keeps the old deadline when the office returns a case without a new one', () => {
    const giveBack: CaseEventInput = { type: 'return', caseId: 'case-0001', by: '信访局', reasons: ['材料不全'] };
    expect(caseOf(run(one(), [submit, giveBack]))).toMatchObject({ status: 'open', deadline: '2008-07-15' });
  });

  it('records next-step measures on an open case but not on a closed one', () => {
    const steps = {
      type: 'nextSteps',
      caseId: 'case-0001',
      by: '东方镇',
      text: '继续做好思想疏导，8月底前再次回访',
    } as const;
    expect(caseOf(run(one(), [steps]))?.nextSteps?.text).toBe(steps.text);
    const closed = run(one(), [submit, { type: 'accept', caseId: 'case-0001', by: '信访局' }, steps]);
    expect(closed).toMatchObject({ ok: false, error: { code: 'case_closed' } });
  });

  it('refuses events for a case the ledger does not have', () => {
    const outcome = run(one(), [{ type: 'note', caseId: 'case-0099', by: '张明', text: 'x' }]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown_case', path: ['caseId'] } });
  });

  it('refuses an event that does not say who acted', () => {
    const outcome = run(one(), [{ type: 'note', caseId: 'case-0001', text: 'x' } as unknown as CaseEventInput]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_event', path: ['by'] } });
  });

  it('records every change in the case history, in order', () => {
    const events: CaseEventInput[] = [
      { type: 'note', caseId: 'case-0001', by: '张明', text: '谈话记录' },
      submit,
      { type: 'return', caseId: 'case-0001', by: '信访局', reasons: ['材料不全'] },
      submit,
      { type: 'accept', caseId: 'case-0001', by: '信访局' },
    ];
    const types = caseOf(run(one(), events))?.history.map((h) => h.type);
    expect(types).toEqual(['file', 'note', 'submitClosure', 'return', 'submitClosure', 'accept']);
  });
});
