import type { ReportKindDefinition } from '../plan/schema';
import { checkReportKind, type Report } from '../reports/report-schema';
import { alertsWithNewDue } from './reschedule';
import type { UnitCommand, UnitOutcome } from './unit-commands';
import {
  appendLog,
  findObligation,
  replaceObligation,
  type Obligation,
  type Submission,
  type UnitState,
} from './unit-state';

export type RuleError = { code: string; message: string; path?: (string | number)[] };
export type RuleResult<T> = { ok: true; value: T } | { ok: false; error: RuleError };

const fail = (code: string, message: string, path?: (string | number)[]): { ok: false; error: RuleError } => ({
  ok: false,
  error: { code, message, path },
});

export interface SubmissionRequest {
  deliverableId: string;
  /** For a recurring deliverable, the due date of the occurrence (YYYY-MM-DD); default: the earliest still open. */
  occurrence?: string;
  report: Report;
  by: string;
}

/** Finds which obligation a request means; shared by submissions and deadline extensions. */
export function resolveObligation(
  state: UnitState,
  deliverableId: string,
  occurrence: string | undefined,
  wantOpen: boolean,
): RuleResult<Obligation> {
  const all = state.obligations.filter((o) => o.deliverableId === deliverableId);
  if (all.length === 0) {
    return fail('unknown_deliverable', `unit ${state.unitId} owes no deliverable "${deliverableId}" (yet)`, [
      'deliverableId',
    ]);
  }
  if (occurrence !== undefined) {
    const found = findObligation(state, `${deliverableId}@${occurrence}`) ?? all.find((o) => o.key === deliverableId);
    if (!found)
      return fail('unknown_occurrence', `"${deliverableId}" has no occurrence due on ${occurrence}`, ['occurrence']);
    return { ok: true, value: found };
  }
  const open = all.filter((o) => o.state === 'open').sort((a, b) => a.dueMs - b.dueMs);
  return { ok: true, value: (wantOpen ? open[0] : undefined) ?? all[all.length - 1]! };
}

export function checkSubmission(
  state: UnitState,
  request: SubmissionRequest,
  nowMs: number,
  reportKinds: Record<string, ReportKindDefinition>,
): RuleResult<Obligation> {
  if (state.ended) return fail('campaign_ended', 'the campaign has ended; no more reports are taken');
  const found = resolveObligation(state, request.deliverableId, request.occurrence, true);
  if (!found.ok) return found;
  const obligation = found.value;
  if (obligation.state === 'submitted') {
    return fail(
      'duplicate_submission',
      `"${obligation.title}" was already submitted on ${new Date(obligation.submission!.atMs).toISOString()}; a resubmission is taken only after a leader returns it`,
      ['deliverableId'],
    );
  }
  if (obligation.state === 'missing' || (obligation.closesAtMs !== undefined && nowMs > obligation.closesAtMs)) {
    return fail('deliverable_closed', `"${obligation.title}" is closed and no longer takes reports`, ['deliverableId']);
  }
  const problems = checkReportKind(obligation.kind, request.report, reportKinds);
  if (problems.length > 0) {
    const first = problems[0]!;
    return fail('invalid_report', `report.${first.path.join('.')}: ${first.message}`, ['report', ...first.path]);
  }
  return { ok: true, value: obligation };
}

export function applySubmission(state: UnitState, obligation: Obligation, request: SubmissionRequest, nowMs: number) {
  const submission: Submission = {
    atMs: nowMs,
    lateByMs: Math.max(0, nowMs - obligation.dueMs),
    by: request.by,
    report: request.report,
  };
  const updated: Obligation = { ...obligation, state: 'submitted', submission };
  const late = submission.lateByMs > 0 ? `late by ${Math.round(submission.lateByMs / 60_000)} min` : 'on time';
  const next: UnitState = {
    ...state,
    obligations: replaceObligation(state, updated),
    log: appendLog(state, { atMs: nowMs, what: `submitted "${obligation.title}" (${late})`, key: obligation.key }),
  };
  return { state: next, submission, key: obligation.key };
}

export interface ExtensionRequest {
  deliverableId: string;
  occurrence?: string;
  newDueMs: number;
  reason: string;
  by: string;
}

export function checkExtension(state: UnitState, request: ExtensionRequest, nowMs: number): RuleResult<Obligation> {
  if (state.ended) return fail('campaign_ended', 'the campaign has ended');
  const found = resolveObligation(state, request.deliverableId, request.occurrence, true);
  if (!found.ok) return found;
  if (found.value.state !== 'open') {
    return fail(
      'not_open',
      `"${found.value.title}" is ${found.value.state}; only an open deliverable can be extended`,
      ['deliverableId'],
    );
  }
  if (request.newDueMs <= found.value.dueMs)
    return fail('not_later', 'the new due date must be later than the current one', ['newDue']);
  if (request.newDueMs <= nowMs) return fail('in_past', 'the new due date is already past', ['newDue']);
  return found;
}

/** Moves the deadline and its ladder, and tells the unit's contact and head (the notice's key names the new date). */
export function applyExtension(
  state: UnitState,
  obligation: Obligation,
  request: ExtensionRequest,
  nowMs: number,
): UnitOutcome<UnitState> {
  const updated: Obligation = {
    ...obligation,
    dueMs: request.newDueMs,
    ...alertsWithNewDue(obligation, request.newDueMs, nowMs),
    extensions: [
      ...obligation.extensions,
      { fromMs: obligation.dueMs, toMs: request.newDueMs, reason: request.reason, by: request.by },
    ],
  };
  const notice: UnitCommand = {
    type: 'notify',
    eventKey: `extended:${obligation.key}:${request.newDueMs}`,
    atMs: nowMs,
    audience: ['unit-contact', 'unit-head'],
    body: {
      kind: 'deadline_extended',
      unitId: state.unitId,
      unitName: state.unitName,
      phaseId: obligation.phaseId,
      phaseName: obligation.phaseName,
      deliverableId: obligation.deliverableId,
      deliverableTitle: obligation.title,
      dueAt: new Date(request.newDueMs).toISOString(),
      reason: request.reason,
    },
  };
  return {
    state: {
      ...state,
      obligations: replaceObligation(state, updated),
      log: appendLog(state, {
        atMs: nowMs,
        what: `deadline of "${obligation.title}" extended: ${request.reason}`,
        key: obligation.key,
      }),
    },
    commands: [notice],
  };
}
