import { isoInstant } from '../clock/time-units';
import { caseLeadersAudience, caseRef, notify, unitName, type CaseCommand } from './case-notices';
import type { CaseEvent } from './case-events';
import type { Case, CaseLedgerContext, CaseStatus } from './case-schema';
import { checkClosureReport, describeMissingParts, type MissingClosurePart } from './closure-standard';
import { deadlineToMs, resolveLeader } from './ledger-context';

/** Errors are data with a stable code, the way zod reports issues. */
export interface CaseError {
  code: string;
  message: string;
  path?: (string | number)[];
  /** For `closure_incomplete`: every part of the report that is missing. */
  missing?: MissingClosurePart[];
  /** For `duplicate_case`: the case already in the ledger. */
  duplicateOf?: string;
}

export type Transition = { ok: true; case: Case; commands: CaseCommand[] } | { ok: false; error: CaseError };

type CaseChange = Exclude<CaseEvent, { type: 'file' }>;

const UNIT = ['unit-head', 'unit-contact'] as const;

export function fail(code: string, message: string, path?: (string | number)[]): { ok: false; error: CaseError } {
  return { ok: false, error: path === undefined ? { code, message } : { code, message, path } };
}

const STATUS_WORDS: Record<CaseStatus, string> = {
  open: 'open (办理中)',
  'closure-submitted': 'waiting for the office to accept its closure (待销号)',
  closed: 'closed (已销号)',
};

// Named for what stands in the way: a closed case, a closure the office has yet to decide, or no closure at all.
const STATUS_CODES: Record<CaseStatus, string> = {
  open: 'closure_not_submitted',
  'closure-submitted': 'closure_pending',
  closed: 'case_closed',
};

function requireStatus(c: Case, event: CaseChange, allowed: CaseStatus[]): Transition | undefined {
  if (allowed.includes(c.status)) return undefined;
  const code = STATUS_CODES[c.status];
  return fail(code, `Case ${c.id} is ${STATUS_WORDS[c.status]}, so "${event.type}" is not allowed.`, ['caseId']);
}

function record(c: Case, event: CaseChange, nowMs: number, detail: string | undefined, next: Partial<Case>): Case {
  const entry =
    detail === undefined
      ? { atMs: nowMs, type: event.type, by: event.by }
      : { atMs: nowMs, type: event.type, by: event.by, detail };
  return { ...c, ...next, history: [...c.history, entry] };
}

const ok = (c: Case, commands: CaseCommand[] = []): Transition => ({ ok: true, case: c, commands });

function transfer(context: CaseLedgerContext, c: Case, e: Extract<CaseChange, { type: 'transfer' }>, nowMs: number) {
  if (!context.units.some((u) => u.id === e.toUnit))
    return fail('unknown_unit', `No unit "${e.toUnit}" in the plan.`, ['toUnit']);
  if (e.toUnit === c.owningUnit) return fail('same_unit', `Case ${c.id} is already with ${e.toUnit}.`, ['toUnit']);
  const next = record(c, e, nowMs, `${c.owningUnit} → ${e.toUnit}: ${e.reason}`, {
    owningUnit: e.toUnit,
    handler: e.handler ?? c.handler,
    stabilityOfficer: e.stabilityOfficer ?? c.stabilityOfficer,
  });
  const key = `${next.history.length}`;
  const ref = caseRef(context, next);
  return ok(next, [
    notify(next, `${key}:assigned`, nowMs, [...UNIT], { kind: 'case_assigned', ...ref, role: 'owning-unit' }),
    notify(next, `${key}:transferred`, nowMs, caseLeadersAudience(next), {
      kind: 'case_transferred',
      ...ref,
      fromUnitName: unitName(context, c.owningUnit),
      reason: e.reason,
    }),
  ]);
}

function escalate(context: CaseLedgerContext, c: Case, e: Extract<CaseChange, { type: 'escalate' }>, nowMs: number) {
  const leader = resolveLeader(context, e.toLeader);
  if (!leader)
    return fail('unknown_leader', `No leader "${e.toLeader.leaderId ?? ''}" in the plan.`, ['toLeader', 'leaderId']);
  const escalations = [...c.escalations, { leader, reason: e.reason, atMs: nowMs }];
  const next = record(c, e, nowMs, `${leader.name}: ${e.reason}`, { escalations });
  const body = {
    kind: 'case_escalated' as const,
    ...caseRef(context, next),
    leaderName: leader.name,
    reason: e.reason,
  };
  return ok(next, [
    notify(next, `${next.history.length}:escalated`, nowMs, [...caseLeadersAudience(next), 'unit-head'], body),
  ]);
}

function extend(context: CaseLedgerContext, c: Case, e: Extract<CaseChange, { type: 'extend' }>, nowMs: number) {
  const dueAtMs = deadlineToMs(e.deadline, context);
  if (dueAtMs <= c.dueAtMs) {
    return fail('deadline_not_later', `The new deadline ${e.deadline} is not later than ${isoInstant(c.dueAtMs)}.`, [
      'deadline',
    ]);
  }
  const next = record(c, e, nowMs, `${c.deadline} → ${e.deadline}: ${e.reason}`, {
    deadline: e.deadline,
    dueAtMs,
    overdueStepsSent: 0,
  });
  const body = {
    kind: 'case_deadline_extended' as const,
    ...caseRef(context, next),
    previousDeadline: isoInstant(c.dueAtMs),
    reason: e.reason,
  };
  return ok(next, [
    notify(next, `${next.history.length}:extended`, nowMs, [...UNIT, ...caseLeadersAudience(next)], body),
  ]);
}

function submitClosure(
  context: CaseLedgerContext,
  c: Case,
  e: Extract<CaseChange, { type: 'submitClosure' }>,
  nowMs: number,
) {
  const check = checkClosureReport(e.report);
  if (!check.ok) {
    const error: CaseError = {
      code: 'closure_incomplete',
      message: describeMissingParts(check.missing),
      path: ['report'],
    };
    return { ok: false as const, error: { ...error, missing: check.missing } };
  }
  const next = record(c, e, nowMs, `回访意见 (follow-up opinion): ${check.report.followUp.opinion}`, {
    status: 'closure-submitted',
    closure: check.report,
    closureSubmittedAtMs: nowMs,
  });
  const body = { kind: 'closure_submitted' as const, ...caseRef(context, next) };
  return ok(next, [notify(next, `${next.history.length}:closure`, nowMs, ['office'], body)]);
}

function giveBack(context: CaseLedgerContext, c: Case, e: Extract<CaseChange, { type: 'return' }>, nowMs: number) {
  const deadline = e.deadline ?? c.deadline;
  const reason = e.reasons.join('; ');
  const { closure: _returned, closureSubmittedAtMs: _at, ...rest } = c;
  // The ladder starts over: a returned case is the unit's to finish again, even under the old deadline.
  const next = record(rest, e, nowMs, e.deadline === undefined ? reason : `${reason} (办结时限 ${e.deadline})`, {
    status: 'open',
    deadline,
    dueAtMs: deadlineToMs(deadline, context),
    overdueStepsSent: 0,
    returns: c.returns + 1,
  });
  const body = { kind: 'closure_returned' as const, ...caseRef(context, next), reason };
  return ok(next, [notify(next, `${next.history.length}:returned`, nowMs, [...UNIT], body)]);
}

/** Applies every event except filing to one case. */
export function transition(context: CaseLedgerContext, c: Case, e: CaseChange, nowMs: number): Transition {
  switch (e.type) {
    case 'note':
      return requireStatus(c, e, ['open', 'closure-submitted']) ?? ok(record(c, e, nowMs, `[${e.kind}] ${e.text}`, {}));
    case 'transfer':
      return requireStatus(c, e, ['open']) ?? transfer(context, c, e, nowMs);
    case 'escalate':
      return requireStatus(c, e, ['open']) ?? escalate(context, c, e, nowMs);
    case 'extend':
      return requireStatus(c, e, ['open']) ?? extend(context, c, e, nowMs);
    case 'submitClosure':
      return requireStatus(c, e, ['open']) ?? submitClosure(context, c, e, nowMs);
    case 'accept': {
      const next = record(c, e, nowMs, undefined, { status: 'closed', closedAtMs: nowMs });
      const body = { kind: 'case_closed' as const, ...caseRef(context, next), by: e.by };
      return (
        requireStatus(c, e, ['closure-submitted']) ??
        ok(next, [notify(next, `${next.history.length}:closed`, nowMs, [...UNIT], body)])
      );
    }
    case 'return':
      return requireStatus(c, e, ['closure-submitted']) ?? giveBack(context, c, e, nowMs);
    case 'nextSteps': {
      const nextSteps = { text: e.text, by: e.by, atMs: nowMs };
      return requireStatus(c, e, ['open', 'closure-submitted']) ?? ok(record(c, e, nowMs, e.text, { nextSteps }));
    }
  }
}
