import { describe, expect, it } from 'vitest';
import { applyCaseEvent, fileCases } from '../../../domain/cases/case-ledger';
import { unitLedgerContext } from '../../../domain/cases/ledger-context';
import {
  checkReceiveCase,
  receiveCase,
  sendCase,
  transferDone,
  transferFailed,
  withTransferTarget,
} from '../../../domain/unit/case-transfer';
import { initialUnitState, type UnitState } from '../../../domain/unit/unit-state';
import { countyContext, filing, FILED_AT, HOUR } from '../cases/case-fixture';

const unitOf = (id: string, name: string): UnitState =>
  initialUnitState(id, name, unitLedgerContext(countyContext, id));

/** 东方镇 holding one case of its own. */
function sender(): UnitState {
  const state = unitOf('town-dongfang', '东方镇');
  const filed = fileCases(state.ledger, [filing()], 'unit:town-dongfang', FILED_AT);
  if (!filed.ok) throw new Error(JSON.stringify(filed.errors));
  return { ...state, ledger: filed.ledger };
}

/** The case rules' transfer of that case to `toUnit`: the moved case and its notices. */
function transferred(state: UnitState, toUnit: string) {
  const caseId = state.ledger.cases[0]!.id;
  const ledger = withTransferTarget(state.ledger, toUnit);
  const moved = applyCaseEvent(
    ledger,
    { type: 'transfer', caseId, toUnit, reason: '属地管辖', by: 'office' },
    FILED_AT + HOUR,
  );
  if (!moved.ok) throw new Error(moved.error.message);
  return { caseId, outgoing: moved.ledger.cases.find((c) => c.id === caseId)!, notices: moved.commands };
}

describe('a case transfer, on the sending side', () => {
  it('takes the case out of the ledger and keeps it in transit until the receiver confirms', () => {
    const state = sender();
    const { caseId, outgoing } = transferred(state, 'town-chengdong');
    const sent = sendCase(state, 'county-2008', outgoing, 'town-chengdong');
    expect(sent.state.ledger.cases).toEqual([]);
    expect(sent.state.inTransit).toEqual([{ toUnit: 'town-chengdong', case: outgoing }]);
    expect(sent.transferId).toBe(`county-2008:town-dongfang:${caseId}:${outgoing.history.length}`);
    expect(transferDone(sent.state, caseId).inTransit).toEqual([]);
  });

  it('takes the case back as it was, with the refusal in its history, when the receiver refuses', () => {
    const state = sender();
    const original = state.ledger.cases[0]!;
    const { outgoing } = transferred(state, 'town-gone');
    const sent = sendCase(state, 'county-2008', outgoing, 'town-gone');
    const back = transferFailed(sent.state, original, 'town-gone', 'no such unit', FILED_AT + 2 * HOUR);
    expect(back.inTransit).toEqual([]);
    expect(back.ledger.cases).toHaveLength(1);
    expect(back.ledger.cases[0]).toMatchObject({ id: original.id, owningUnit: 'town-dongfang' });
    expect(back.ledger.cases[0]!.history.at(-1)).toEqual({
      atMs: FILED_AT + 2 * HOUR,
      type: 'transfer-failed',
      by: 'system',
      detail: '→ town-gone: no such unit',
    });
  });

  it('lets the case rules accept a unit added after this unit started, and leaves a known one alone', () => {
    const { ledger } = sender();
    expect(withTransferTarget(ledger, 'court')).toBe(ledger);
    expect(withTransferTarget(ledger, 'town-new').context.units.at(-1)).toEqual({ id: 'town-new', name: 'town-new' });
  });
});

describe('a case transfer, on the receiving side', () => {
  const incoming = () => transferred(sender(), 'town-chengdong');

  it('files the case and sends the notices naming the unit as it knows itself', () => {
    const receiver = unitOf('town-chengdong', '城东乡');
    const { outgoing, notices } = incoming();
    expect(checkReceiveCase(receiver, outgoing)).toEqual({ ok: true, value: { again: false } });
    const received = receiveCase(receiver, outgoing, notices);
    expect(received.state.ledger.cases).toEqual([outgoing]);
    expect(received.commands).toHaveLength(notices.length);
    for (const command of received.commands) {
      expect(command.unitId).toBe('town-chengdong');
      expect(command.body).toMatchObject({ unitName: '城东乡' });
    }
  });

  it('takes a re-delivered case again without a change', () => {
    const { outgoing, notices } = incoming();
    const receiver = receiveCase(unitOf('town-chengdong', '城东乡'), outgoing, notices).state;
    expect(checkReceiveCase(receiver, outgoing)).toEqual({ ok: true, value: { again: true } });
  });

  it('refuses once the campaign has ended', () => {
    const receiver = { ...unitOf('town-chengdong', '城东乡'), ended: true };
    expect(checkReceiveCase(receiver, incoming().outgoing)).toMatchObject({
      ok: false,
      error: { code: 'campaign_ended' },
    });
  });

  it('refuses a case addressed to another unit', () => {
    expect(checkReceiveCase(unitOf('court', '县法院'), incoming().outgoing)).toMatchObject({
      ok: false,
      error: { code: 'wrong_unit', message: 'case town-dongfang-0001 is addressed to town-chengdong' },
    });
  });

  it('refuses a different case under a number it already holds', () => {
    const { outgoing, notices } = incoming();
    const receiver = receiveCase(unitOf('town-chengdong', '城东乡'), outgoing, notices).state;
    const other = { ...outgoing, fingerprint: `${outgoing.fingerprint}-other` };
    expect(checkReceiveCase(receiver, other)).toMatchObject({ ok: false, error: { code: 'case_id_taken' } });
  });
});
