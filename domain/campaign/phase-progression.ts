import type { Plan } from '../plan/schema';
import { obligationsForPhase } from '../schedule/obligations';
import { phaseStartMs, phaseWindow } from '../schedule/phase-window';
import type { CampaignCommand } from './campaign-commands';
import { withTimeline, type CampaignState, type PhaseRecord, type TimelineEntry } from './campaign-state';
import { campaignWindowEndMs } from './campaign-window';
import { fireDutyAlerts, nextDutyAlertMs } from './duty-alerts';
import { firstReport, nextReissueMs, reissuePhaseReports } from './phase-report-revisions';

const HOUR_MS = 3_600_000;
/** A phase opened this much (plan time) after its planned start is logged as late, with both times. */
export const LATE_OPENING_MS = HOUR_MS;

/** The timeline entry of a phase opening: on time, or late with its planned time and how late. */
export function phaseOpenedEntry(record: PhaseRecord, plannedMs: number, nowMs: number): TimelineEntry {
  const lateMs = nowMs - plannedMs;
  if (lateMs < LATE_OPENING_MS) return { atMs: nowMs, what: `phase ${record.name} opened`, phaseId: record.id };
  const hours = Math.floor(lateMs / HOUR_MS);
  const late = hours >= 24 ? `${(lateMs / (24 * HOUR_MS)).toFixed(1)} plan days` : `${hours} plan hour(s)`;
  return {
    atMs: nowMs,
    plannedAtMs: plannedMs,
    what: `phase ${record.name} opened ${late} after its planned start (no worker ran the campaign in between)`,
    phaseId: record.id,
  };
}

/** When phase `index` may open, or undefined while that depends on something not yet decided. */
function plannedStartMs(plan: Plan, state: CampaignState, index: number): number | undefined {
  const phase = plan.phases[index]!;
  const previous = index > 0 ? state.phases[index - 1] : undefined;
  if (previous) {
    if (previous.status === 'pending') return undefined;
    // A phase that waits for approval holds back the next one until the leaders have approved it.
    if (previous.gate === 'approval' && previous.status !== 'closed') return undefined;
  }
  const previousEnd = previous
    ? previous.gate === 'approval'
      ? previous.closedAtMs
      : previous.window?.endMs
    : undefined;
  const start = phaseStartMs(phase, plan.campaign.timeZone, previousEnd);
  if (start === undefined) return undefined;
  return previous?.gate === 'approval' && previous.closedAtMs !== undefined
    ? Math.max(start, previous.closedAtMs)
    : start;
}

export function openPhaseEvent(plan: Plan, state: CampaignState, index: number, seq: number, startMs: number) {
  const phase = plan.phases[index]!;
  const window = phaseWindow(phase, plan.campaign.timeZone, startMs);
  return {
    window,
    event: {
      type: 'phase-opened' as const,
      seq,
      phaseId: phase.id,
      phaseName: phase.name,
      startMs: window.startMs,
      endMs: window.endMs,
      casesFiling: phase.casesFiling,
      obligations: obligationsForPhase(plan, phase, window),
    },
  };
}

/**
 * Moves the campaign forward to `nowMs`: opens every phase whose start has come, closes every
 * window-gated phase whose window has ended, and finishes the campaign when all are closed.
 * Phases may overlap (real plans share boundary days), so several can be open at once.
 */
export function advanceCampaign(
  plan: Plan,
  state: CampaignState,
  nowMs: number,
): { state: CampaignState; commands: CampaignCommand[] } {
  if (state.status !== 'running') return { state, commands: [] };
  let next = state;
  const commands: CampaignCommand[] = [];
  for (let index = 0; index < plan.phases.length; index++) {
    const record = next.phases[index]!;
    if (record.status === 'pending') {
      const start = plannedStartMs(plan, next, index);
      if (start === undefined || nowMs < start) break;
      const seq = next.seq + 1;
      const { window, event } = openPhaseEvent(plan, next, index, seq, start);
      const opened: PhaseRecord = { ...record, status: 'open', window, openedAtMs: nowMs };
      next = {
        ...next,
        seq,
        phases: next.phases.map((p, i) => (i === index ? opened : p)),
        timeline: withTimeline(next, phaseOpenedEntry(record, start, nowMs)),
      };
      commands.push({ type: 'broadcast', units: 'all', event });
    }
    const current = next.phases[index]!;
    if (current.status === 'open' && current.gate === 'window-end' && current.window && nowMs >= current.window.endMs) {
      const report = firstReport(next, { ...current, status: 'closed', closedAtMs: current.window.endMs }, nowMs);
      const closed = report.record;
      next = {
        ...next,
        phases: next.phases.map((p, i) => (i === index ? closed : p)),
        timeline: withTimeline(next, {
          atMs: current.window.endMs,
          what: `phase ${current.name} closed at the end of its window`,
          phaseId: current.id,
        }),
      };
      commands.push(report.command);
    }
  }
  // With a campaign window (活动时间) the campaign outlasts its last phase until the window ends.
  const windowEndMs = campaignWindowEndMs(plan);
  const ending = next.phases.every((p) => p.status === 'closed') && (windowEndMs === undefined || nowMs >= windowEndMs);
  const reissued = reissuePhaseReports(next, nowMs, ending);
  const alerts = fireDutyAlerts(plan, reissued.state, nowMs);
  next = alerts.state;
  commands.push(...reissued.commands, ...alerts.commands);
  if (ending) {
    const seq = next.seq + 1;
    const what = windowEndMs === undefined ? 'campaign completed' : 'campaign completed at the end of its window';
    next = {
      ...next,
      seq,
      status: 'completed',
      completedAtMs: nowMs,
      timeline: withTimeline(next, { atMs: nowMs, what }),
    };
    commands.push(
      { type: 'broadcast', units: 'all', event: { type: 'campaign-ended', seq } },
      { type: 'final-report' },
    );
  }
  return { state: next, commands };
}

/** The next plan time at which `advanceCampaign` would do something on its own. */
export function nextCampaignWakeMs(plan: Plan, state: CampaignState): number | undefined {
  if (state.status !== 'running') return undefined;
  const times: number[] = [];
  state.phases.forEach((record, index) => {
    if (record.status === 'pending') {
      const start = plannedStartMs(plan, state, index);
      if (start !== undefined) times.push(start);
    } else if (record.status === 'open' && record.gate === 'window-end' && record.window) {
      times.push(record.window.endMs);
    }
  });
  const windowEndMs = campaignWindowEndMs(plan);
  if (windowEndMs !== undefined && state.phases.every((p) => p.status === 'closed')) times.push(windowEndMs);
  const dutyAlert = nextDutyAlertMs(plan, state);
  if (dutyAlert !== undefined) times.push(dutyAlert);
  const reissue = nextReissueMs(state);
  if (reissue !== undefined) times.push(reissue);
  return times.length ? Math.min(...times) : undefined;
}
