import { didYouMean } from './did-you-mean';
import { planError, type PlanIssue } from './plan-issue';
import type { LoosePlan } from './salvage-plan';

/** Named approvers must be members of the leading group. */
export function checkApprovers(plan: LoosePlan): PlanIssue[] {
  const group = plan.leadingGroup;
  const ids = [group.head, ...group.deputies, ...group.members].flatMap((p) => (p ? [p.id] : []));
  const issues: PlanIssue[] = [];
  plan.phases.forEach((phase, p) => {
    const approvers = phase?.approvers;
    if (typeof approvers !== 'object') return;
    approvers.leaders.forEach((id, k) => {
      if (ids.includes(id)) return;
      const message = `no person in the leading group has id "${id}"${didYouMean(id, ids)}`;
      issues.push(planError('unknown_leader', ['phases', p, 'approvers', 'leaders', k], message));
    });
  });
  return issues;
}
