import type { CampaignCommand } from './campaign-commands';
import { withTimeline, type CampaignState, type PhaseRecord, type PhaseReportRecord } from './campaign-state';

/**
 * A phase report is compiled when its phase closes, but a phase may owe reports due after it ends
 * (legal, and common), and a late one may still come in. Such a report makes the compiled one
 * wrong ("待上报" for what has arrived), so the report is issued again as a new revision, and the
 * campaign says which revision is current. Reissues are at least REISSUE_INTERVAL_MS apart (plan
 * time): a hundred units filing late the same morning make one more revision, not a hundred.
 */
export const REISSUE_INTERVAL_MS = 3_600_000;

/** What a phase's units have submitted, on time and late, as the campaign knows it from their progress. */
export function submittedCounts(state: CampaignState, phaseId: string): PhaseReportRecord['basis'] {
  let onTime = 0;
  let late = 0;
  for (const progress of Object.values(state.progress)) {
    const counts = progress.phases[phaseId];
    if (!counts) continue;
    onTime += counts.onTime;
    late += counts.late;
  }
  return { onTime, late };
}

/** The record of a phase whose first report is being compiled now, with the command that compiles it. */
export function firstReport(
  state: CampaignState,
  record: PhaseRecord,
  nowMs: number,
): { record: PhaseRecord; command: CampaignCommand } {
  const report: PhaseReportRecord = { revision: 1, issuedAtMs: nowMs, basis: submittedCounts(state, record.id) };
  return { record: { ...record, report }, command: { type: 'phase-report', phaseId: record.id, revision: 1 } };
}

function isStale(state: CampaignState, record: PhaseRecord): record is PhaseRecord & { report: PhaseReportRecord } {
  if (record.status !== 'closed' || !record.report) return false;
  const now = submittedCounts(state, record.id);
  return now.onTime !== record.report.basis.onTime || now.late !== record.report.basis.late;
}

/**
 * When the next revision of a closed phase's report is due, or undefined while its current one is
 * still true. It depends on the state alone, so the campaign's loop can wake for it like any other
 * planned moment.
 */
export function reissueDueMs(state: CampaignState, record: PhaseRecord): number | undefined {
  if (!isStale(state, record)) return undefined;
  return record.report.issuedAtMs + REISSUE_INTERVAL_MS;
}

/** The soonest reissue due in the campaign, for its loop's timer. */
export function nextReissueMs(state: CampaignState): number | undefined {
  const times = state.phases.flatMap((record) => {
    const due = reissueDueMs(state, record);
    return due === undefined ? [] : [due];
  });
  return times.length ? Math.min(...times) : undefined;
}

/**
 * Issues a new revision of every closed phase's report that a later submission made wrong and
 * whose time has come. `all` issues them whatever the interval: the campaign is ending, and every
 * phase report must be true beside the final one.
 */
export function reissuePhaseReports(
  state: CampaignState,
  nowMs: number,
  all = false,
): { state: CampaignState; commands: CampaignCommand[] } {
  let next = state;
  const commands: CampaignCommand[] = [];
  for (const record of state.phases) {
    const due = reissueDueMs(state, record);
    if (due === undefined || (!all && nowMs < due) || !record.report) continue;
    const revision = record.report.revision + 1;
    const report: PhaseReportRecord = {
      revision,
      issuedAtMs: nowMs,
      basis: submittedCounts(state, record.id),
    };
    next = {
      ...next,
      phases: next.phases.map((p) => (p.id === record.id ? { ...p, report } : p)),
      timeline: withTimeline(next, {
        atMs: nowMs,
        what: `phase ${record.name} report reissued as revision ${revision} (reports arrived after revision ${revision - 1} was compiled); revision ${revision} is current`,
        phaseId: record.id,
      }),
    };
    commands.push({ type: 'phase-report', phaseId: record.id, revision });
  }
  return { state: next, commands };
}
