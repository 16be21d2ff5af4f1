import { z } from 'zod';
import { insertByTime } from '../clock/time-ordered';
import type { Case, CaseLedger, CaseLedgerContext } from '../cases/case-schema';
import { createCaseLedger } from '../cases/ledger-context';
import type { Report } from '../reports/report-schema';
import type { ObligationSpec } from '../schedule/obligations';

export type ObligationState = 'open' | 'submitted' | 'missing';

export interface Submission {
  atMs: number;
  lateByMs: number;
  by: string;
  report: Report;
}

/** A unit's obligation as the unit workflow keeps it: the schedule plus what has happened to it. */
export interface Obligation extends Omit<ObligationSpec, 'owedBy'> {
  state: ObligationState;
  /** Alerts are kept sorted by time; this many have been dealt with (fired, or skipped while paused). */
  alertsDone: number;
  remindersSent: number;
  escalationStep: number;
  submission?: Submission;
  /** Earlier submissions, kept when a leader returns the phase. */
  returnedSubmissions: (Submission & { returnReason: string })[];
  extensions: { fromMs: number; toMs: number; reason: string; by: string }[];
}

export interface AccountabilityMark {
  key: string;
  title: string;
  phaseId: string;
  step: number;
  /** The escalation step's own label (e.g. 责任追究), when the plan gives one. */
  label?: string;
  atMs: number;
  lateByMs: number;
}

export const EscalationEntrySchema = z.object({
  key: z.string(),
  title: z.string(),
  phaseId: z.string(),
  step: z.number(),
  label: z.string().optional(),
  atMs: z.number(),
  publicNotice: z.boolean(),
  accountability: z.boolean(),
});
export type EscalationEntry = z.infer<typeof EscalationEntrySchema>;

export interface UnitLogEntry {
  atMs: number;
  what: string;
  key?: string;
}

export interface UnitState {
  unitId: string;
  unitName: string;
  /** Highest campaign event applied; campaign events are re-sent on retry, so older ones are ignored. */
  lastSeq: number;
  paused: boolean;
  ended: boolean;
  obligations: Obligation[];
  marks: AccountabilityMark[];
  escalations: EscalationEntry[];
  log: UnitLogEntry[];
  /** The unit's cases (台帐): kept with its deliverables so one workflow owns everything the unit answers for. */
  ledger: CaseLedger;
  /**
   * Filing phases (casesFiling in the plan) that have opened. Filing is allowed from the first one's
   * opening until the campaign ends: new cases found after the ledger was reported must still be
   * filed at once (上报后再出现新发问题随时上报), even in the resolution or summary phase.
   */
  filingPhases: string[];
  /** A chunked ledger import being received: nothing of it is filed until its last chunk arrives. */
  staged?: StagedImport;
  /** Cases handed to another unit and not yet confirmed there; they still count for the tick-off. */
  inTransit: { toUnit: string; case: Case }[];
}

export interface StagedImport {
  importId: string;
  chunks: number;
  /** Chunks received so far, in order. */
  received: number;
  by: string;
  notify: boolean;
  /** Rows received so far, for naming a bad row by its place in the whole import. */
  rows: number;
  /**
   * The cases the staged chunks make, checked already: each chunk is checked once, against the
   * ledger and the chunks before it, so the last chunk of a 20,000-row import costs what the first did.
   */
  cases: Case[];
  /** The ledger's next number once the staged cases are filed. */
  nextSeq: number;
  /** Rows already in the ledger (or earlier in the import), by their index in the whole import. */
  duplicates: { index: number; caseId: string }[];
}

const UNIT_LOG_LIMIT = 300;

export function initialUnitState(unitId: string, unitName: string, ledgerContext: CaseLedgerContext): UnitState {
  return {
    unitId,
    unitName,
    lastSeq: 0,
    paused: false,
    ended: false,
    obligations: [],
    marks: [],
    escalations: [],
    log: [],
    ledger: createCaseLedger(ledgerContext),
    filingPhases: [],
    inTransit: [],
  };
}

export function appendLog(state: UnitState, entry: UnitLogEntry): UnitLogEntry[] {
  return insertByTime(state.log, entry, UNIT_LOG_LIMIT);
}

export function findObligation(state: UnitState, key: string): Obligation | undefined {
  return state.obligations.find((o) => o.key === key);
}

export function replaceObligation(state: UnitState, next: Obligation): Obligation[] {
  return state.obligations.map((o) => (o.key === next.key ? next : o));
}
