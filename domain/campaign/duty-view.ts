import { instantToLocal, localToInstant } from '../calendar/local-time';
import { durationMs } from '../plan/duration';
import type { Duty, Plan } from '../plan/schema';
import type { CampaignState, FindingRecord } from './campaign-state';
import { dutyKey, phaseDuties, supervisionTeams } from './duties';

/** One duty as `status` and the reports show it: who owes it, by when, whether it is done, what was found. */
export interface DutyView {
  phaseId: string;
  phaseName: string;
  dutyId: string;
  title: string;
  kind: Duty['kind'];
  /** "office", "leading-group" or the team's name. */
  by: string;
  /** Undefined while its phase has not opened (a relative due date counts from the phase's start). */
  dueMs?: number;
  state: 'pending' | 'open' | 'overdue' | 'done';
  completedAtMs?: number;
  completedBy?: string;
  findings: FindingRecord[];
}

function dueMsOf(plan: Plan, duty: Duty, phaseStartMs: number | undefined): number | undefined {
  const zone = plan.campaign.timeZone;
  const due = duty.due;
  const time = typeof due === 'object' && due.time ? due.time : plan.campaign.defaultDueTime;
  if (typeof due === 'string') return localToInstant(due, time, zone);
  if ('date' in due) return localToInstant(due.date, time, zone);
  if (phaseStartMs === undefined) return undefined;
  const date = instantToLocal(phaseStartMs + durationMs(due.after), zone).date;
  return localToInstant(date, time, zone);
}

export function dutyViews(plan: Plan, state: CampaignState, nowMs: number): DutyView[] {
  return plan.phases.flatMap((phase, index) => {
    const record = state.phases[index];
    return phaseDuties(phase).map((duty): DutyView => {
      const held = state.duties?.[dutyKey(phase.id, duty.id)];
      const dueMs = dueMsOf(plan, duty, record?.window?.startMs);
      const owner = duty.by;
      const by =
        typeof owner === 'object'
          ? (supervisionTeams(plan).find((t) => t.id === owner.team)?.name ?? owner.team)
          : owner;
      const state_: DutyView['state'] =
        held?.completedAtMs !== undefined
          ? 'done'
          : !record || record.status === 'pending'
            ? 'pending'
            : dueMs !== undefined && nowMs > dueMs
              ? 'overdue'
              : 'open';
      return {
        phaseId: phase.id,
        phaseName: phase.name,
        dutyId: duty.id,
        title: duty.title,
        kind: duty.kind,
        by,
        dueMs,
        state: state_,
        completedAtMs: held?.completedAtMs,
        completedBy: held?.completedBy,
        findings: held?.findings ?? [],
      };
    });
  });
}
