import { presetDays } from '../calendar/cn-mainland';
import { nextWorkingDay } from '../calendar/working-days';
import { dueDate } from './check-timing';
import { resolvePhaseWindows } from './phase-windows';
import { planWarning, type PlanIssue } from './plan-issue';
import type { LoosePlan } from './salvage-plan';

/**
 * Rules that need the plan's working-day calendar: a preset that does not cover the plan's years
 * (its holidays would silently be ordinary days), and a due date that 遇节假日顺延 carries past the
 * end of its phase (the unit then owes it after the phase is over).
 */
export function checkCalendarCoverage(plan: LoosePlan): PlanIssue[] {
  const calendar = plan.campaign?.calendar;
  return [...presetYears(plan), ...(calendar ? postponedPastPhaseEnd(plan) : [])];
}

function presetYears(plan: LoosePlan): PlanIssue[] {
  const preset = plan.campaign?.calendar.preset;
  if (preset === undefined) return [];
  const covered = new Set(presetDays(preset).years);
  const years = new Set<number>();
  for (const dates of resolvePhaseWindows(plan.phases)) {
    if (!dates) continue;
    for (let y = Number(dates.start.slice(0, 4)); y <= Number(dates.end.slice(0, 4)); y++) years.add(y);
  }
  const missing = [...years].filter((year) => !covered.has(year)).sort();
  if (missing.length === 0) return [];
  const message = `the ${preset} calendar has no published holidays for ${missing.join(', ')} (it covers ${[...covered].join(', ')}): list that year's days off and make-up workdays under daysOff and workdays`;
  return [planWarning('calendar_year_not_published', ['campaign', 'calendar', 'preset'], message)];
}

function postponedPastPhaseEnd(plan: LoosePlan): PlanIssue[] {
  const campaign = plan.campaign!;
  const windows = resolvePhaseWindows(plan.phases);
  const issues: PlanIssue[] = [];
  plan.phases.forEach((phase, p) => {
    const dates = windows[p];
    if (!phase || !dates) return;
    phase.deliverables.forEach((deliverable, d) => {
      if (!deliverable?.due || deliverable.recurrence) return;
      if (!(deliverable.postponeOnDayOff ?? campaign.postponeDueDatesOnDaysOff)) return;
      const due = dueDate(deliverable.due, dates);
      const moved = nextWorkingDay(due, campaign.calendar);
      if (due <= dates.end && moved > dates.end) {
        const message = `due on ${due}, a day off: postponed (遇节假日顺延) to ${moved}, after the phase ends on ${dates.end}`;
        issues.push(planWarning('postponed_past_phase_end', ['phases', p, 'deliverables', d, 'due'], message));
      }
    });
  });
  return issues;
}
