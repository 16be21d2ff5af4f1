import { obligationRows, type ObligationRow } from './unit-progress';
import type { AccountabilityMark, EscalationEntry, UnitState } from './unit-state';

/** What a unit owes and has done, as its status query answers and the campaign report reads it. */
export interface UnitStatusView {
  unitId: string;
  unitName: string;
  nowMs: number;
  timeZone: string;
  paused: boolean;
  ended: boolean;
  rows: ObligationRow[];
  marks: AccountabilityMark[];
  escalations: EscalationEntry[];
}

/**
 * The same view from a running unit's state (its query) or a finished unit's result: reading a
 * finished workflow's result costs one history event, querying it a replay of the whole history.
 */
export function unitStatusView(state: UnitState, nowMs: number, timeZone: string): UnitStatusView {
  return {
    unitId: state.unitId,
    unitName: state.unitName,
    nowMs,
    timeZone,
    paused: state.paused,
    ended: state.ended,
    rows: obligationRows(state, nowMs),
    marks: state.marks,
    escalations: state.escalations,
  };
}
