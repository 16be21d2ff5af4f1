import type { Audience, Plan } from '../plan/schema';
import type { CampaignCommand } from './campaign-commands';
import type { CampaignState, DutyRecord } from './campaign-state';
import { isoInstant } from '../clock/time-units';
import { dutyKey, phaseDuties, supervisionTeams } from './duties';
import { dutyViews, type DutyView } from './duty-view';

const DAY_MS = 86_400_000;

/**
 * A duty is owed like a report, by the office or a team: its owner is reminded a day before it is
 * due and told a day after, while it is not done (办结). Only the latest alert whose time has passed
 * is sent: a campaign whose phase opened late does not send a reminder after the due date.
 */
export function dutyAlertTimes(dueMs: number): number[] {
  return [dueMs - DAY_MS, dueMs + DAY_MS];
}

function audienceOf(plan: Plan, view: DutyView): Audience[] {
  const phase = plan.phases.find((p) => p.id === view.phaseId);
  const owner = phase && phaseDuties(phase).find((d) => d.id === view.dutyId)?.by;
  if (owner === undefined || owner === 'office') return ['office'];
  if (owner === 'leading-group') return ['leading-group', 'office'];
  const team = supervisionTeams(plan).find((t) => t.id === owner.team);
  return [...(team?.members ?? []).map((leader) => ({ leader })), 'office'];
}

function sent(state: CampaignState, view: DutyView): number {
  return state.duties?.[dutyKey(view.phaseId, view.dutyId)]?.alertsSent ?? 0;
}

/** Alerts due at `nowMs` for duties not done, with the state that remembers them. */
export function fireDutyAlerts(
  plan: Plan,
  state: CampaignState,
  nowMs: number,
): { state: CampaignState; commands: CampaignCommand[] } {
  let next = state;
  const commands: CampaignCommand[] = [];
  for (const view of dutyViews(plan, state, nowMs)) {
    if (view.dueMs === undefined || view.state === 'done' || view.state === 'pending') continue;
    const times = dutyAlertTimes(view.dueMs);
    const already = sent(state, view);
    const due = times.filter((t) => t <= nowMs).length;
    if (due <= already) continue;
    const overdue = due === times.length;
    commands.push({
      type: 'notify',
      eventKey: `duty:${view.phaseId}:${view.dutyId}:${due}`,
      atMs: nowMs,
      audience: audienceOf(plan, view),
      body: {
        kind: 'duty_due',
        phaseName: view.phaseName,
        title: view.title,
        dutyKind: view.kind,
        dueAt: isoInstant(view.dueMs),
        overdue,
        findings: view.findings.length,
      },
    });
    const key = dutyKey(view.phaseId, view.dutyId);
    const record: DutyRecord = next.duties?.[key] ?? { findings: [] };
    next = { ...next, duties: { ...next.duties, [key]: { ...record, alertsSent: due } } };
  }
  return { state: next, commands };
}

/** The next moment a duty alert falls due, for the campaign's timer. */
export function nextDutyAlertMs(plan: Plan, state: CampaignState): number | undefined {
  const times = dutyViews(plan, state, 0).flatMap((view) => {
    if (view.dueMs === undefined || view.state === 'done' || view.state === 'pending') return [];
    const next = dutyAlertTimes(view.dueMs)[sent(state, view)];
    return next === undefined ? [] : [next];
  });
  return times.length ? Math.min(...times) : undefined;
}
