import { didYouMean } from '../plan/did-you-mean';
import type { Deliverable, Plan } from '../plan/schema';
import { owes } from '../schedule/obligations';
import { UNRECONCILED_LISTED } from '../unit/unit-progress';
import { approvalsNeeded, mayApprove } from './approvers';
import { findUnit, roster } from './roster';
import { OK, reject, type ActionCheck, type ActionOutcome } from './rule-result';
import { withTimeline, type CampaignState, type PhaseRecord } from './campaign-state';
import { firstReport } from './phase-report-revisions';

export interface ApprovePhaseRequest {
  phaseId: string;
  by: string;
  comment?: string;
}

export interface ReturnPhaseRequest {
  phaseId: string;
  units: string[];
  /** Only these deliverables go back; the others stay accepted. Default: every deliverable of the phase. */
  deliverables?: string[];
  reason: string;
  newDueMs: number;
  by: string;
}

/** A case the ledger has not reconciled: neither closed nor given next-step measures. */
export interface UnreconciledCase {
  caseId: string;
  unitId: string;
  title: string;
}

function phaseIndex(state: CampaignState, phaseId: string): number {
  return state.phases.findIndex((p) => p.id === phaseId);
}

export function checkApprovePhase(
  plan: Plan,
  state: CampaignState,
  request: ApprovePhaseRequest,
  unreconciled: UnreconciledCase[] = [],
  /** The exact count: units report only their first cases, so the list may be shorter. */
  unreconciledTotal = unreconciled.length,
): ActionCheck {
  if (state.status !== 'running') return reject('campaign_not_running', `the campaign is ${state.status}`);
  const index = phaseIndex(state, request.phaseId);
  const phase = state.phases[index];
  if (!phase)
    return reject(
      'unknown_phase',
      `the plan has no phase "${request.phaseId}" (phases: ${state.phases.map((p) => p.id).join(', ')})`,
      ['phaseId'],
    );
  if (phase.gate !== 'approval')
    return reject('no_approval_needed', `phase ${phase.name} closes by itself at the end of its window`, ['phaseId']);
  if (phase.status === 'pending')
    return reject('phase_not_open', `phase ${phase.name} has not opened yet`, ['phaseId']);
  if (phase.status === 'closed')
    return reject('phase_already_closed', `phase ${phase.name} was already approved`, ['phaseId']);
  const approvers = plan.phases[index]!.approvers;
  const right = mayApprove(plan, approvers, request.by);
  if (!right.ok) return reject('not_an_approver', right.message, ['by']);
  if ((phase.approvals ?? []).some((a) => a.by === request.by))
    return reject('already_approved_by_you', `${request.by} has already approved phase ${phase.name}`, ['by']);
  const isLast = index === plan.phases.length - 1;
  const total = Math.max(unreconciledTotal, unreconciled.length);
  if (isLast && total > 0) {
    const named = unreconciled.slice(0, UNRECONCILED_LISTED);
    const list = named.map((c) => `${c.caseId} (${c.unitId}: ${c.title})`).join('; ');
    // Units name only their first few cases, so the list may be shorter than the count.
    return reject(
      'ledger_not_reconciled',
      `${total} case(s) are neither closed nor given next-step measures (逐件对账销号): ${list}${total > named.length ? '; …' : ''}`,
    );
  }
  return OK;
}

export function approvePhase(
  plan: Plan,
  state: CampaignState,
  request: ApprovePhaseRequest,
  nowMs: number,
): ActionOutcome {
  const index = phaseIndex(state, request.phaseId);
  const phase = state.phases[index]!;
  const approvals = [
    ...(phase.approvals ?? []),
    { by: request.by, atMs: nowMs, ...(request.comment ? { comment: request.comment } : {}) },
  ];
  const needed = approvalsNeeded(plan, plan.phases[index]!.approvers);
  if (approvals.length < needed) return recordApprovalVote(state, index, approvals, needed, nowMs);
  const report = firstReport(state, { ...phase, status: 'closed', closedAtMs: nowMs }, nowMs);
  const closed: PhaseRecord = {
    ...report.record,
    status: 'closed',
    closedAtMs: nowMs,
    approvedBy: request.by,
    ...(request.comment ? { approvalComment: request.comment } : {}),
    ...(needed > 1 ? { approvals } : {}),
  };
  const seq = state.seq + 1;
  return {
    state: {
      ...state,
      seq,
      phases: state.phases.map((p, i) => (i === index ? closed : p)),
      timeline: withTimeline(state, {
        atMs: nowMs,
        what: `phase ${phase.name} approved by ${request.by}`,
        phaseId: phase.id,
      }),
    },
    commands: [
      { type: 'broadcast', units: 'all', event: { type: 'phase-closed', seq, phaseId: phase.id, approved: true } },
      {
        type: 'notify',
        eventKey: `phase-approved:${phase.id}`,
        atMs: nowMs,
        audience: ['office', 'leading-group', 'all-units'],
        body: { kind: 'phase_approved', phaseId: phase.id, phaseName: phase.name, by: request.by },
      },
      report.command,
    ],
  };
}

/** A vote toward a majority approval: kept on the phase, which stays open until enough agree. */
function recordApprovalVote(
  state: CampaignState,
  index: number,
  approvals: NonNullable<PhaseRecord['approvals']>,
  needed: number,
  nowMs: number,
): ActionOutcome {
  const phase = state.phases[index]!;
  const by = approvals[approvals.length - 1]!.by;
  const what = `phase ${phase.name}: approval ${approvals.length} of ${needed} needed, by ${by}`;
  return {
    state: {
      ...state,
      phases: state.phases.map((p, i) => (i === index ? { ...p, approvals } : p)),
      timeline: withTimeline(state, { atMs: nowMs, what, phaseId: phase.id }),
    },
    commands: [],
    message: `approval of phase ${phase.id} recorded (${approvals.length} of ${needed} needed); the phase closes when a majority agrees`,
  };
}

export function checkReturnPhase(
  plan: Plan,
  state: CampaignState,
  request: ReturnPhaseRequest,
  nowMs: number,
): ActionCheck {
  if (state.status !== 'running') return reject('campaign_not_running', `the campaign is ${state.status}`);
  const index = phaseIndex(state, request.phaseId);
  const phase = state.phases[index];
  if (!phase) return reject('unknown_phase', `the plan has no phase "${request.phaseId}"`, ['phaseId']);
  if (phase.status === 'pending')
    return reject('phase_not_open', `phase ${phase.name} has not opened yet`, ['phaseId']);
  if (phase.approvedBy)
    return reject('phase_already_closed', `phase ${phase.name} was already approved and cannot be returned`, [
      'phaseId',
    ]);
  if (request.units.length === 0) return reject('no_units', 'name at least one unit to return the phase to', ['units']);
  if (request.reason.trim() === '')
    return reject('no_reason', 'a return needs a reason the units can act on', ['reason']);
  if (request.newDueMs <= nowMs) return reject('due_in_past', 'the new due date is already past', ['newDue']);
  const inPhase = plan.phases[index]!.deliverables;
  const chosen = chosenDeliverables(inPhase, request.deliverables, phase.name);
  if (!chosen.ok) return chosen.check;
  const deliverables = chosen.deliverables;
  for (const [i, unitId] of request.units.entries()) {
    if (!findUnit(plan, state, unitId))
      return reject(
        'unknown_unit',
        `no unit "${unitId}" takes part in this campaign${didYouMean(
          unitId,
          roster(plan, state).map((u) => u.id),
        )}`,
        ['units', i],
      );
    if (!deliverables.some((d) => owes(d, unitId))) {
      const what = request.deliverables ? `none of ${request.deliverables.join(', ')}` : 'nothing';
      return reject('nothing_owed', `unit ${unitId} owes ${what} in phase ${phase.name}`, ['units', i]);
    }
  }
  return OK;
}

/** The deliverables a return names, each checked against the phase; all of the phase's when none is named. */
function chosenDeliverables(
  inPhase: Deliverable[],
  wanted: string[] | undefined,
  phaseName: string,
): { ok: true; deliverables: Deliverable[] } | { ok: false; check: ActionCheck } {
  if (wanted === undefined) return { ok: true, deliverables: inPhase };
  const known = inPhase.map((d) => d.id);
  for (const [i, id] of wanted.entries()) {
    if (!known.includes(id)) {
      const message = `phase ${phaseName} has no deliverable "${id}"${didYouMean(id, known)}`;
      return { ok: false, check: reject('unknown_deliverable', message, ['deliverables', i]) };
    }
  }
  return { ok: true, deliverables: inPhase.filter((d) => wanted.includes(d.id)) };
}

export function returnPhase(state: CampaignState, request: ReturnPhaseRequest, nowMs: number): ActionOutcome {
  const seq = state.seq + 1;
  const phases = state.phases.map((p) =>
    p.id === request.phaseId
      ? {
          ...p,
          returns: [
            ...p.returns,
            {
              units: request.units,
              ...(request.deliverables ? { deliverables: request.deliverables } : {}),
              reason: request.reason,
              newDueMs: request.newDueMs,
              by: request.by,
              atMs: nowMs,
            },
          ],
        }
      : p,
  );
  return {
    state: {
      ...state,
      seq,
      phases,
      timeline: withTimeline(state, {
        atMs: nowMs,
        what: `phase ${request.phaseId}${request.deliverables ? ` (${request.deliverables.join(', ')})` : ''} returned to ${request.units.join(', ')} by ${request.by}: ${request.reason}`,
        phaseId: request.phaseId,
      }),
    },
    commands: [
      {
        type: 'broadcast',
        units: request.units,
        event: {
          type: 'phase-returned',
          seq,
          phaseId: request.phaseId,
          ...(request.deliverables ? { deliverableIds: request.deliverables } : {}),
          reason: request.reason,
          newDueMs: request.newDueMs,
          by: request.by,
        },
      },
    ],
  };
}
