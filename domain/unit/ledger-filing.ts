import { buildDuplicateIndex, normalizeKey } from '../cases/case-fingerprint';
import { fileCases, filedCommands, type BatchError, type BatchOutcome } from '../cases/case-ledger';
import type { Case, CaseFilingInput, CaseLedger } from '../cases/case-schema';
import type { StagedImport, UnitState } from './unit-state';

/**
 * Filing cases into a unit's ledger: when it is allowed, whose cases a unit may file, and how a
 * ledger file too big for one update arrives in chunks yet stays all-or-nothing (no half-imported
 * ledger ever exists: chunks are staged and filed together when the last one arrives).
 */

export interface FilingRequest {
  filings: unknown[];
  by: string;
  notify?: boolean;
  /** Present for a chunked import: chunk `chunk` (0-based) of `chunks`. */
  importId?: string;
  chunk?: number;
  chunks?: number;
}

export interface FilingError {
  code: string;
  message: string;
}

type Filed = Extract<BatchOutcome, { ok: true }>;

export type FilingPlan =
  | { ok: true; kind: 'filed'; outcome: Filed }
  | { ok: true; kind: 'staged'; staged: StagedImport }
  | { ok: false; error: FilingError };

const ERRORS_SHOWN = 10;

/** Indexes are 1-based over the whole import (every chunk), so the CLI can name the file's row. */
function describeBatch(errors: BatchError[]): string {
  const lines = errors
    .slice(0, ERRORS_SHOWN)
    .map((e) => `filing ${e.index + 1}${e.path && e.path.length > 0 ? ` (${e.path.join('.')})` : ''}: ${e.message}`);
  const more = errors.length > ERRORS_SHOWN ? `; and ${errors.length - ERRORS_SHOWN} more` : '';
  return `Nothing was filed: ${errors.length} filing(s) are invalid: ${lines.join('; ')}${more}`;
}

const refuse = (code: string, message: string): FilingPlan => ({ ok: false, error: { code, message } });

/** Filing opens with the plan's first filing phase and stays open until the campaign ends. */
function checkFilingOpen(state: UnitState): FilingError | undefined {
  if (state.ended) return { code: 'campaign_ended', message: 'the campaign has ended; its ledger is closed' };
  if (state.filingPhases.length === 0) {
    return {
      code: 'filing_not_open',
      message: 'cases can be filed once a phase that allows filing (e.g. 排查建档) has opened; none has yet',
    };
  }
  return undefined;
}

/** A unit files only its own cases; a filing without an owning unit is taken to be the unit's own. */
function ownFilings(unitId: string, filings: unknown[], offset: number): { filings: unknown[]; errors: BatchError[] } {
  const errors: BatchError[] = [];
  const own = filings.map((f, i) => {
    if (typeof f !== 'object' || f === null || Array.isArray(f)) return f;
    const owner = (f as { owningUnit?: unknown }).owningUnit;
    if (owner === undefined) return { ...f, owningUnit: unitId };
    if (owner !== unitId) {
      const message = `the case belongs to ${JSON.stringify(owner)}; file it with that unit`;
      errors.push({ index: offset + i, code: 'other_unit', message, path: ['owningUnit'] });
    }
    return f;
  });
  return { filings: own, errors };
}

function stagingFor(state: UnitState, request: FilingRequest): StagedImport | FilingError {
  const { importId = '', chunk = 0, chunks = 1 } = request;
  if (chunk >= chunks) return { code: 'invalid_chunk', message: `chunk ${chunk + 1} of ${chunks} does not exist` };
  // Chunk 0 starts the import afresh; it replaces whatever an abandoned import left staged.
  if (chunk === 0) {
    const fresh = { importId, chunks, received: 0, by: request.by, notify: request.notify ?? false, rows: 0 };
    return { ...fresh, cases: [], nextSeq: state.ledger.nextSeq, duplicates: [] };
  }
  const staged = state.staged;
  if (staged === undefined || staged.importId !== importId) {
    return {
      code: 'import_not_started',
      message: `import ${importId} is not staged here: send it from its first chunk`,
    };
  }
  if (staged.chunks !== chunks || staged.received !== chunk) {
    const message = `import ${importId} expects chunk ${staged.received + 1} of ${staged.chunks}, not ${chunk + 1} of ${chunks}`;
    return { code: 'import_out_of_order', message };
  }
  return staged;
}

/**
 * Decides what a filing request does, without changing anything: file now, stage a chunk, or
 * refuse (naming every bad filing). The validator and the handler both call it on the same state.
 */
export function planFiling(state: UnitState, request: FilingRequest, nowMs: number): FilingPlan {
  const closed = checkFilingOpen(state);
  if (closed) return { ok: false, error: closed };
  const staging = request.importId === undefined ? undefined : stagingFor(state, request);
  if (staging !== undefined && !('importId' in staging)) return { ok: false, error: staging };
  const offset = staging?.rows ?? 0;
  const own = ownFilings(state.unitId, request.filings, offset);
  if (own.errors.length > 0) return refuse('invalid_filings', describeBatch(own.errors));
  // The staged cases count as filed while this chunk is checked: a row repeating one is a duplicate.
  const base =
    staging === undefined
      ? state.ledger
      : { ...state.ledger, cases: [...state.ledger.cases, ...staging.cases], nextSeq: staging.nextSeq };
  const notify = staging?.notify ?? request.notify;
  // fileCases parses every filing again, so the untrusted rows are safe to hand over as its input type.
  const outcome = fileCases(base, own.filings as CaseFilingInput[], staging?.by ?? request.by, nowMs, { notify });
  if (!outcome.ok)
    return refuse('invalid_filings', describeBatch(outcome.errors.map((e) => ({ ...e, index: e.index + offset }))));
  if (staging === undefined) return { ok: true, kind: 'filed', outcome };
  if (staging.received + 1 === staging.chunks) {
    const clash = stagedClash(state.ledger, staging.cases);
    if (clash !== undefined) return { ok: false, error: clash };
  }
  return stageOrFile(staging, outcome, request.filings.length, base.cases.length, nowMs);
}

/**
 * Staged cases were checked against the ledger as it was when their chunk came. A case filed or
 * handed over meanwhile may repeat one of them, or have taken a number one of them was given: then
 * the import is refused whole, and sending the file again files only what is still missing.
 */
function stagedClash(ledger: CaseLedger, staged: readonly Case[]): FilingError | undefined {
  const index = buildDuplicateIndex(ledger.cases);
  for (const c of staged) {
    const refs = [c.id, c.externalRef].filter((r): r is string => r !== undefined);
    const held = refs.map((r) => index.byRef.get(normalizeKey(r))).find((id) => id !== undefined);
    const repeated = held ?? index.byFingerprint.get(c.fingerprint);
    if (repeated !== undefined) {
      return {
        code: 'import_interrupted',
        message:
          `台帐在导入期间有变动（${repeated} 于导入时登记），本次导入未登记任何案件，请重新导入 ` +
          `(the ledger changed while the import arrived: ${repeated} was filed meanwhile; nothing was filed, send the file again)`,
      };
    }
  }
  return undefined;
}

/** After a chunk is checked: stage it, or, for the last chunk, file every staged case with it. */
function stageOrFile(
  staging: StagedImport,
  outcome: Filed,
  rows: number,
  baseCount: number,
  nowMs: number,
): FilingPlan {
  const offset = staging.rows;
  const added = outcome.ledger.cases.slice(baseCount);
  const cases = [...staging.cases, ...added];
  const duplicates = [...staging.duplicates, ...outcome.duplicates.map((d) => ({ ...d, index: d.index + offset }))];
  if (staging.received + 1 < staging.chunks) {
    const staged = { ...staging, received: staging.received + 1, rows: offset + rows, cases, duplicates };
    return { ok: true, kind: 'staged', staged: { ...staged, nextSeq: outcome.ledger.nextSeq } };
  }
  const commands = staging.notify ? filedCommands(outcome.ledger, cases, nowMs) : [];
  const filed = cases.map((c) => c.id);
  return { ok: true, kind: 'filed', outcome: { ...outcome, commands, filed, duplicates } };
}
