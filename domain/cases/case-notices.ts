import { isoInstant } from '../clock/time-units';
import type { NotificationBody } from '../notifications/notification';
import type { Audience } from '../plan/schema';
import type { Case, CaseLeader, CaseLedgerContext } from './case-schema';

/**
 * Commands are data: the ledger says who should hear what, the workflow resolves recipients and
 * calls the notification activity. Every notice is a kind of the notification contract.
 */

type CaseRefFields = { caseId: string; caseTitle: string; unitName: string; deadline: string };

type CaseNoticeKind =
  | 'case_assigned'
  | 'case_overdue'
  | 'closure_returned'
  | 'case_transferred'
  | 'case_escalated'
  | 'case_deadline_extended'
  | 'closure_submitted'
  | 'case_closed';

export type CaseNotice = Extract<NotificationBody, { kind: CaseNoticeKind }>;

/** A plan audience about the case's unit, or a leader known only by name and email (not in the plan). */
export type CaseAudience = Audience | { person: { name: string; email: string } };

export interface CaseCommand {
  type: 'notify';
  /** Unique per case event, so the notification id built from it survives retries and replays. */
  eventKey: string;
  atMs: number;
  caseId: string;
  /** The unit that 'unit-head' / 'unit-contact' refer to. */
  unitId: string;
  audience: CaseAudience[];
  body: CaseNotice;
}

export function unitName(context: CaseLedgerContext, unitId: string): string {
  return context.units.find((u) => u.id === unitId)?.name ?? unitId;
}

export function caseRef(context: CaseLedgerContext, c: Case): CaseRefFields {
  return {
    caseId: c.id,
    caseTitle: c.title,
    unitName: unitName(context, c.owningUnit),
    deadline: isoInstant(c.dueAtMs),
  };
}

function leaderAudience(leader: CaseLeader): CaseAudience[] {
  if (leader.leaderId !== undefined) return [{ leader: leader.leaderId }];
  if (leader.email !== undefined) return [{ person: { name: leader.name, email: leader.email } }];
  return [];
}

/**
 * The case-owning leader and every leader the case was escalated to. A leader with neither a plan
 * id nor an email cannot be mailed; the office is told instead so the news still reaches them.
 */
export function caseLeadersAudience(c: Case): CaseAudience[] {
  const audience = [c.owningLeader, ...c.escalations.map((e) => e.leader)].flatMap(leaderAudience);
  return audience.length > 0 ? audience : ['office'];
}

export function notify(c: Case, key: string, atMs: number, audience: CaseAudience[], body: CaseNotice): CaseCommand {
  return { type: 'notify', eventKey: `case:${c.id}:${key}`, atMs, caseId: c.id, unitId: c.owningUnit, audience, body };
}
