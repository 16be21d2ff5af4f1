import type { CaseCommand } from '../cases/case-notices';
import type { Case, CaseLedger } from '../cases/case-schema';
import type { RuleResult } from './submission-rules';
import type { UnitState } from './unit-state';

/**
 * Transfer (移交) between units, as rules on a unit's state. A unit owns its cases, so a transfer
 * moves the case, with its whole history, out of the sending unit's ledger and into the
 * receiving unit's. The case leaves the sender's ledger before it is sent, so no later event can
 * change a case the other unit is about to own; until the other unit confirms, it is kept "in
 * transit" and still counts for the tick-off. If the other unit refuses (or does not exist), the
 * case comes back with the refusal in its history.
 */

/**
 * The ledger as the case rules need it to accept a transfer to `toUnit`: a unit added to the
 * campaign after this one started is not in its ledger's context, and the receiver checks the rest.
 */
export function withTransferTarget(ledger: CaseLedger, toUnit: string): CaseLedger {
  if (ledger.context.units.some((u) => u.id === toUnit)) return ledger;
  const units = [...ledger.context.units, { id: toUnit, name: toUnit }];
  return { ...ledger, context: { ...ledger.context, units } };
}

/**
 * Takes the moved case (`outgoing`, as the case rules left it) out of the ledger and keeps it in
 * transit. The transfer id names the case and its history's length, so a re-delivery is recognised.
 */
export function sendCase(
  state: UnitState,
  campaignId: string,
  outgoing: Case,
  toUnit: string,
): { state: UnitState; transferId: string } {
  return {
    state: {
      ...state,
      ledger: { ...state.ledger, cases: state.ledger.cases.filter((c) => c.id !== outgoing.id) },
      inTransit: [...state.inTransit, { toUnit, case: outgoing }],
    },
    transferId: `${campaignId}:${state.unitId}:${outgoing.id}:${outgoing.history.length}`,
  };
}

/** The receiver confirmed: the case is no longer in transit. */
export function transferDone(state: UnitState, caseId: string): UnitState {
  return { ...state, inTransit: state.inTransit.filter((t) => t.case.id !== caseId) };
}

/** The receiver refused (or does not exist): the case as it was before the transfer comes back, with why. */
export function transferFailed(
  state: UnitState,
  original: Case,
  toUnit: string,
  why: string,
  nowMs: number,
): UnitState {
  const entry = { atMs: nowMs, type: 'transfer-failed', by: 'system', detail: `→ ${toUnit}: ${why}` };
  const back: Case = { ...original, history: [...original.history, entry] };
  const settled = transferDone(state, original.id);
  return { ...settled, ledger: { ...settled.ledger, cases: [...settled.ledger.cases, back] } };
}

const refuse = (code: string, message: string): { ok: false; error: { code: string; message: string } } => ({
  ok: false,
  error: { code, message },
});

/**
 * Whether this unit takes a case handed over by another. `again` is a re-delivery of a case it
 * already holds (same number, same fingerprint): done already, taken without a change.
 */
export function checkReceiveCase(state: UnitState, incoming: Case): RuleResult<{ again: boolean }> {
  if (state.ended) return refuse('campaign_ended', 'the campaign has ended; its ledger is closed');
  if (incoming.owningUnit !== state.unitId) {
    return refuse('wrong_unit', `case ${incoming.id} is addressed to ${incoming.owningUnit}`);
  }
  const held = state.ledger.cases.find((c) => c.id === incoming.id);
  if (held === undefined) return { ok: true, value: { again: false } };
  if (held.fingerprint === incoming.fingerprint) return { ok: true, value: { again: true } };
  return refuse('case_id_taken', `${state.unitId} already has a different case numbered ${incoming.id}`);
}

/**
 * Files a case this unit accepted (checkReceiveCase). The sender knew this unit only by id; the
 * transfer's notices go out from here, naming the unit as it knows itself.
 */
export function receiveCase(
  state: UnitState,
  incoming: Case,
  notices: CaseCommand[],
): { state: UnitState; commands: CaseCommand[] } {
  return {
    state: { ...state, ledger: { ...state.ledger, cases: [...state.ledger.cases, incoming] } },
    commands: notices.map((c) => ({
      ...c,
      unitId: state.unitId,
      body: { ...c.body, unitName: state.unitName },
    })),
  };
}
