import { dueDate } from './check-timing';
import { resolvePhaseWindows } from './phase-windows';
import { planError, type PlanIssue } from './plan-issue';
import type { LoosePlan } from './salvage-plan';

/**
 * A plan's own dates (活动时间) hold its phases: a phase or a due date outside them is a typo (a
 * wrong month, a window copied from last year), so each is an error naming both dates. A recurring
 * report's dates come from its recurrence and are checked against its phase, not here.
 */
export function checkCampaignWindow(plan: LoosePlan): PlanIssue[] {
  const window = plan.campaign?.window;
  if (!window) return [];
  const at = ['campaign', 'window'];
  if (window.end < window.start) {
    const message = `活动结束日期${window.end}早于开始日期${window.start}`;
    return [planError('campaign_window_ends_before_start', [...at, 'end'], message)];
  }
  const span = `活动时间${window.start}至${window.end}`;
  const issues: PlanIssue[] = [];
  const dates = resolvePhaseWindows(plan.phases);
  plan.phases.forEach((phase, p) => {
    const own = dates[p];
    if (!phase || !own) return;
    const name = `阶段“${phase.name ?? phase.id}”`;
    const fixed = phase.window !== undefined && 'start' in phase.window;
    if (own.start < window.start) {
      const message = `${name}${own.start}开始，早于${span}：阶段须在活动时间之内`;
      issues.push(
        planError('phase_before_campaign_window', ['phases', p, 'window', ...(fixed ? ['start'] : [])], message),
      );
    }
    if (own.end > window.end) {
      const message = `${name}${own.end}结束，晚于${span}：阶段须在活动时间之内，或把活动结束日期推后`;
      issues.push(
        planError('phase_after_campaign_window', ['phases', p, 'window', ...(fixed ? ['end'] : [])], message),
      );
    }
    phase.deliverables.forEach((deliverable, d) => {
      if (!deliverable?.due || deliverable.recurrence) return;
      const due = dueDate(deliverable.due, own);
      if (due <= window.end) return;
      const message = `“${deliverable.title ?? deliverable.id}”${due}截止，晚于${span}：活动结束后无人再收此材料`;
      issues.push(planError('due_after_campaign_window', ['phases', p, 'deliverables', d, 'due'], message));
    });
  });
  return issues;
}
