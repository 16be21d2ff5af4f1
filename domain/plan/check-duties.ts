import { didYouMean } from './did-you-mean';
import { planError, type PlanIssue } from './plan-issue';
import type { LoosePlan } from './salvage-plan';

/**
 * The office's and the supervision teams' duties (督查, 暗查) name teams, leaders and units by id:
 * each must exist, and a duty's id must not be a deliverable's id in the same phase (the findings
 * and the reports are looked up by id alike).
 */
export function checkDuties(plan: LoosePlan): PlanIssue[] {
  const group = plan.leadingGroup;
  const leaders = [group.head, ...group.deputies, ...group.members].flatMap((p) => (p ? [p.id] : []));
  const units = plan.units.flatMap((u) => (u ? [u.id] : []));
  const teams = plan.supervisionTeams.flatMap((t) => (t ? [t.id] : []));
  const issues: PlanIssue[] = [];
  plan.supervisionTeams.forEach((team, t) => {
    team?.members.forEach((id, m) => {
      if (leaders.includes(id)) return;
      const message = `督导组“${team.name}”的成员“${id}”不是领导小组成员${didYouMean(id, leaders)}`;
      issues.push(planError('unknown_leader', ['supervisionTeams', t, 'members', m], message));
    });
  });
  plan.phases.forEach((phase, p) => {
    const deliverables = new Set(phase?.deliverables.flatMap((d) => (d ? [d.id] : [])));
    const seen = new Set<string>();
    phase?.duties?.forEach((duty, d) => {
      const at = ['phases', p, 'duties', d];
      if (seen.has(duty.id) || deliverables.has(duty.id)) {
        const message = `本阶段已有编号为“${duty.id}”的任务或材料，督查任务须另起编号`;
        issues.push(planError('duplicate_id', [...at, 'id'], message));
      }
      seen.add(duty.id);
      if (typeof duty.by === 'object' && !teams.includes(duty.by.team)) {
        const message = `没有编号为“${duty.by.team}”的督导组（在 supervisionTeams 中列出）${didYouMean(duty.by.team, teams)}`;
        issues.push(planError('unknown_team', [...at, 'by', 'team'], message));
      }
      if (duty.units === 'all') return;
      duty.units.forEach((id, u) => {
        if (units.includes(id)) return;
        const message = `没有编号为“${id}”的责任单位${didYouMean(id, units)}`;
        issues.push(planError('unknown_unit', [...at, 'units', u], message));
      });
    });
  });
  return issues;
}
