import {
  addToIndex,
  buildDuplicateIndex,
  caseFingerprint,
  findDuplicate,
  normalizeKey,
  type DuplicateIndex,
} from './case-fingerprint';
import { CaseEventSchema, type CaseEventInput } from './case-events';
import { caseLeadersAudience, caseRef, notify, type CaseCommand } from './case-notices';
import { CaseFilingSchema, type Case, type CaseFiling, type CaseFilingInput, type CaseLedger } from './case-schema';
import { fail, transition, type CaseError } from './case-transitions';
import { deadlineToMs, resolveLeader } from './ledger-context';

/**
 * The case ledger (台帐) as a pure state machine: `(ledger, event, now) → ledger + commands`. The
 * workflow keeps the ledger in its state, applies events from signals and updates, and turns the
 * commands into notification activities. Nothing here reads a clock or does I/O.
 */

export type CaseOutcome = { ok: true; ledger: CaseLedger; commands: CaseCommand[] } | { ok: false; error: CaseError };

export type BatchError = CaseError & { index: number };

export type BatchOutcome =
  | {
      ok: true;
      ledger: CaseLedger;
      commands: CaseCommand[];
      filed: string[];
      /** Filings that repeat a case already in the ledger (or earlier in the batch): skipped, not doubled. */
      duplicates: { index: number; caseId: string }[];
    }
  | { ok: false; errors: BatchError[] };

export interface FileOptions {
  /**
   * Tell the unit and the leaders about each new case. A bulk import of a unit's own ledger may turn
   * this off: the unit wrote the rows, and one mail per row could exceed a workflow's activity budget.
   */
  notify?: boolean;
}

type Prepared = { ok: true; case: Case; nextSeq: number } | { ok: false; error: CaseError };

/** Ledger-assigned ids skip any number a caller already used as an explicit id. */
function freeId(index: DuplicateIndex, seq: number, prefix = 'case'): { id: string; nextSeq: number } {
  const idOf = (n: number) => `${prefix}-${String(n).padStart(4, '0')}`;
  let n = seq;
  while (index.byRef.has(normalizeKey(idOf(n)))) n += 1;
  return { id: idOf(n), nextSeq: n + 1 };
}

function prepareCase(
  ledger: CaseLedger,
  filing: CaseFiling,
  by: string,
  nowMs: number,
  index: DuplicateIndex,
): Prepared {
  const { context } = ledger;
  if (!context.units.some((u) => u.id === filing.owningUnit)) {
    return fail('unknown_unit', `No unit "${filing.owningUnit}" in the plan.`, ['filing', 'owningUnit']);
  }
  if (!context.categories.some((c) => c.id === filing.category)) {
    const known = context.categories.map((c) => c.id).join(', ');
    return fail('unknown_category', `No case category "${filing.category}"; the plan has ${known}.`, [
      'filing',
      'category',
    ]);
  }
  const owningLeader = resolveLeader(context, filing.owningLeader);
  if (!owningLeader) {
    return fail('unknown_leader', `No leader "${filing.owningLeader.leaderId ?? ''}" in the plan.`, [
      'filing',
      'owningLeader',
    ]);
  }
  const { id, ...rest } = filing;
  const assigned = id === undefined ? freeId(index, ledger.nextSeq, context.idPrefix) : { id, nextSeq: ledger.nextSeq };
  const c: Case = {
    ...rest,
    owningLeader,
    id: assigned.id,
    status: 'open',
    fingerprint: caseFingerprint(filing),
    filedAtMs: nowMs,
    dueAtMs: deadlineToMs(filing.deadline, context),
    escalations: [],
    overdueStepsSent: 0,
    returns: 0,
    history: [{ atMs: nowMs, type: 'file', by, detail: `source: ${filing.source}` }],
  };
  return { ok: true, case: c, nextSeq: assigned.nextSeq };
}

function assignedCommands(ledger: CaseLedger, c: Case, nowMs: number): CaseCommand[] {
  const ref = caseRef(ledger.context, c);
  return [
    notify(c, 'filed:unit', nowMs, ['unit-head', 'unit-contact'], {
      kind: 'case_assigned',
      ...ref,
      role: 'owning-unit',
    }),
    notify(c, 'filed:leader', nowMs, caseLeadersAudience(c), { kind: 'case_assigned', ...ref, role: 'case-leader' }),
  ];
}

function fileOne(ledger: CaseLedger, filing: CaseFiling, by: string, nowMs: number, index: DuplicateIndex): Prepared {
  const duplicateOf = findDuplicate(index, filing);
  if (duplicateOf !== undefined) {
    const message = `This case is already in the ledger as ${duplicateOf} (same 编号, or same unit, petitioner and issue).`;
    return { ok: false, error: { code: 'duplicate_case', message, path: ['filing'], duplicateOf } };
  }
  return prepareCase(ledger, filing, by, nowMs, index);
}

/** The notices of cases just filed: each one's unit and its case-owning leader are told. */
export function filedCommands(ledger: CaseLedger, cases: Case[], nowMs: number): CaseCommand[] {
  return cases.flatMap((c) => assignedCommands(ledger, c, nowMs));
}

/** Applies one event to the ledger; on failure the ledger is unchanged and the error says why. */
export function applyCaseEvent(ledger: CaseLedger, input: CaseEventInput, nowMs: number): CaseOutcome {
  const parsed = CaseEventSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      'invalid_event',
      issue?.message ?? 'invalid event',
      issue?.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    );
  }
  const event = parsed.data;
  if (event.type === 'file') {
    const filed = fileOne(ledger, event.filing, event.by, nowMs, buildDuplicateIndex(ledger.cases));
    if (!filed.ok) return filed;
    const next = { ...ledger, cases: [...ledger.cases, filed.case], nextSeq: filed.nextSeq };
    return { ok: true, ledger: next, commands: assignedCommands(next, filed.case, nowMs) };
  }
  const at = ledger.cases.findIndex((c) => c.id === event.caseId);
  const current = ledger.cases[at];
  if (!current) return fail('unknown_case', `No case "${event.caseId}" in the ledger.`, ['caseId']);
  const result = transition(ledger.context, current, event, nowMs);
  if (!result.ok) return result;
  const cases = ledger.cases.map((c, i) => (i === at ? result.case : c));
  return { ok: true, ledger: { ...ledger, cases }, commands: result.commands };
}

/**
 * Files many cases at once, all or nothing: if any filing is invalid, nothing is filed and every
 * problem is listed. Duplicates are not problems: a re-sent ledger files only its new rows.
 */
export function fileCases(
  ledger: CaseLedger,
  filings: CaseFilingInput[],
  by: string,
  nowMs: number,
  options: FileOptions = {},
): BatchOutcome {
  const index = buildDuplicateIndex(ledger.cases);
  const errors: BatchError[] = [];
  const duplicates: { index: number; caseId: string }[] = [];
  const added: Case[] = [];
  let nextSeq = ledger.nextSeq;
  filings.forEach((input, i) => {
    const parsed = CaseFilingSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ index: i, code: 'invalid_filing', message: issue.message, path: issue.path.map(String) });
      }
      return;
    }
    const result = fileOne({ ...ledger, nextSeq }, parsed.data, by, nowMs, index);
    if (!result.ok && result.error.duplicateOf !== undefined)
      duplicates.push({ index: i, caseId: result.error.duplicateOf });
    else if (!result.ok) errors.push({ index: i, ...result.error });
    else {
      added.push(result.case);
      addToIndex(index, result.case);
      nextSeq = result.nextSeq;
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  const next: CaseLedger = { ...ledger, cases: [...ledger.cases, ...added], nextSeq };
  const commands = options.notify === false ? [] : filedCommands(next, added, nowMs);
  return { ok: true, ledger: next, commands, filed: added.map((c) => c.id), duplicates };
}
