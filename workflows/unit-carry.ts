// The browser build: fflate's default build for Node starts worker threads, which the sandbox has not.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate/browser';
import type { UnitWorkflowInput } from '../contracts';
import { encodedBytes, PLAN_LIMITS } from '../domain/plan/plan-limits';
import type { UnitState } from '../domain/unit/unit-state';

/**
 * What a unit carries across continue-as-new, packed. A unit with 20,000 cases holds about 16 MB
 * of JSON, eight times the 2 MB a continue-as-new input may take (the server fails the run that
 * asks for more). Cases repeat their keys, units, leaders and dates, so deflate packs them 10 to 30
 * times smaller; the packed bytes travel as an argument of their own, a binary payload, not base64.
 * fflate is plain JavaScript: the same state packs to the same bytes on every replay.
 */
export type UnitCarry = NonNullable<UnitWorkflowInput['carried']>;

/**
 * The most a continue-as-new input may take, the unit's input included: three quarters of the
 * server's payload limit, leaving room for the codec, the headers and the rest of the command.
 */
export const CARRY_BUDGET_BYTES = (PLAN_LIMITS.serverPayloadBytes * 3) / 4;

export function packCarry(carry: UnitCarry): Uint8Array {
  return deflateSync(strToU8(JSON.stringify(carry)), { level: 6 });
}

export function unpackCarry(packed: Uint8Array): UnitCarry {
  return JSON.parse(strFromU8(inflateSync(packed))) as UnitCarry;
}

/** The input a run starts with: a packed carry, when there is one, takes the place of `carried`. */
export function withCarry(input: UnitWorkflowInput, packed: Uint8Array | undefined): UnitWorkflowInput {
  return packed === undefined ? input : { ...input, carried: unpackCarry(packed) };
}

export type NextRun = { fits: true; input: UnitWorkflowInput; packed: Uint8Array } | { fits: false; bytes: number };

/** The next run's arguments, or how big they would be when they would not fit the budget. */
export function nextRun(input: UnitWorkflowInput, carry: UnitCarry): NextRun {
  const next: UnitWorkflowInput = { ...input, carried: undefined };
  const packed = packCarry(carry);
  const bytes = packed.byteLength + encodedBytes(next);
  return bytes <= CARRY_BUDGET_BYTES ? { fits: true, input: next, packed } : { fits: false, bytes };
}

/**
 * What a unit's run returns when the campaign ends. Its state goes whole while it fits one payload;
 * a bigger one (thousands of cases) would make the server fail the finished run, so its cases are
 * left out of the result: they stay in the run's history, and a query still pages through them.
 */
export function finalResult(state: UnitState): UnitState {
  if (encodedBytes(state) <= CARRY_BUDGET_BYTES) return state;
  return { ...state, ledger: { ...state.ledger, cases: [] }, staged: undefined, inTransit: [] };
}
