import type { Approvers, Plan } from '../plan/schema';

/**
 * Who may approve a phase is data in the plan (审批权限). The default is the head and the deputies
 * (组长、副组长); a plan may name the head alone, the whole leading group (any member), the group by
 * majority (过半数同意), the office, or named leaders. Actors are "leader:<id>" or "office".
 */

export type ApprovalRight = { ok: true } | { ok: false; message: string };

function groupIds(plan: Plan): { head: string; deputies: string[]; all: string[] } {
  const { head, deputies, members } = plan.leadingGroup;
  return {
    head: head.id,
    deputies: deputies.map((p) => p.id),
    all: [head, ...deputies, ...members].map((p) => p.id),
  };
}

/** The leader ids an approver rule admits; undefined for the office. */
export function approverIds(plan: Plan, approvers: Approvers): string[] | undefined {
  const group = groupIds(plan);
  if (typeof approvers === 'object') return approvers.leaders;
  switch (approvers) {
    case 'head':
      return [group.head];
    case 'head-and-deputies':
      return [group.head, ...group.deputies];
    case 'leading-group':
    case 'group-majority':
      return group.all;
    case 'office':
      return undefined;
  }
}

export function describeApprovers(plan: Plan, approvers: Approvers): string {
  if (approvers === 'office') return 'the office';
  const names = (approverIds(plan, approvers) ?? []).join(', ');
  return approvers === 'group-majority' ? `a majority of the leading group (${names})` : names;
}

export function mayApprove(plan: Plan, approvers: Approvers, by: string): ApprovalRight {
  const allowed =
    approvers === 'office' ? by === 'office' : (approverIds(plan, approvers) ?? []).some((id) => by === `leader:${id}`);
  return allowed
    ? { ok: true }
    : { ok: false, message: `only ${describeApprovers(plan, approvers)} may approve this phase` };
}

/** Approvals a phase needs before it closes: one, or more than half the group under `group-majority`. */
export function approvalsNeeded(plan: Plan, approvers: Approvers): number {
  return approvers === 'group-majority' ? Math.floor(groupIds(plan).all.length / 2) + 1 : 1;
}
