import { localToInstant } from '../calendar/local-time';
import type { Plan } from '../plan/schema';
import type { CaseLadderStep, CaseLeader, CaseLedger, CaseLedgerContext } from './case-schema';

/**
 * The overdue ladder for cases: the owning unit's head on the day the deadline passes, the
 * case-owning leader three days later, the office after a week. Plans may pass their own.
 */
export const DEFAULT_CASE_LADDER: CaseLadderStep[] = [
  { after: '0d', notify: 'unit-head', label: '承办单位主要领导 (head of the owning unit)' },
  { after: '3d', notify: 'case-leader', label: '包案领导 (case-owning leader)' },
  { after: '7d', notify: 'office', label: '领导小组办公室 (campaign office)' },
];

export function caseLedgerContextFromPlan(
  plan: Plan,
  ladder: CaseLadderStep[] = DEFAULT_CASE_LADDER,
): CaseLedgerContext {
  const { head, deputies, members } = plan.leadingGroup;
  return {
    units: plan.units.map((u) => ({ id: u.id, name: u.name })),
    categories: plan.caseCategories.map((c) => ({ id: c.id, name: c.name })),
    leaders: [head, ...deputies, ...members].map((p) => ({ id: p.id, name: p.name, email: p.email })),
    timeZone: plan.campaign.timeZone,
    defaultDueTime: plan.campaign.defaultDueTime,
    ladder,
  };
}

/** Room a case id keeps after its prefix for "-0001" up to "-99999…": ids are at most 64 characters. */
const LONGEST_ID_PREFIX = 58;

/**
 * A unit's ledger numbers its cases with the unit's id (town-a-0001), so a case transferred to
 * another unit never meets a case of the same number there. An id too long for that keeps the
 * plain numbering (case-0001).
 */
export function unitLedgerContext(context: CaseLedgerContext, unitId: string): CaseLedgerContext {
  return unitId.length <= LONGEST_ID_PREFIX ? { ...context, idPrefix: unitId } : context;
}

export function createCaseLedger(context: CaseLedgerContext): CaseLedger {
  return { context, cases: [], nextSeq: 1 };
}

/** A deadline written as a date ("办结时限 7月15日") falls due at the plan's default due time that day. */
export function deadlineToMs(
  deadline: string,
  context: Pick<CaseLedgerContext, 'timeZone' | 'defaultDueTime'>,
): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return localToInstant(deadline, context.defaultDueTime, context.timeZone);
  return Date.parse(deadline);
}

/**
 * Ties a leader written by name to the plan's leading group, so mails reach them. An id the plan
 * does not know is an error when the plan lists leaders; an unknown name is fine (township leaders
 * own cases too and are not in the leading group).
 */
export function resolveLeader(context: CaseLedgerContext, leader: CaseLeader): CaseLeader | undefined {
  const known =
    leader.leaderId !== undefined
      ? context.leaders.find((l) => l.id === leader.leaderId)
      : context.leaders.find((l) => l.name === leader.name);
  if (leader.leaderId !== undefined && known === undefined && context.leaders.length > 0) return undefined;
  if (known === undefined) return leader;
  return { name: leader.name, leaderId: known.id, email: leader.email ?? known.email };
}
