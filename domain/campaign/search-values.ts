import type { Plan } from '../plan/schema';
import type { UnitProgress } from '../unit/unit-progress';
import { campaignStatus } from './campaign-status';
import type { CampaignState } from './campaign-state';

/**
 * What a workflow shows the server in clear (contracts/search-attributes.ts): ids, a state and
 * counts, nothing that names a person or says what a report or case is about.
 */
export interface SearchValues {
  /** The current phase's id, when one is open. */
  phase?: string;
  state: string;
  /** Reports owed and not in yet, overdue among them; accountability marks. */
  owed: number;
  overdue: number;
  marks: number;
}

export function campaignSearchValues(plan: Plan, state: CampaignState, nowMs: number): SearchValues {
  const status = campaignStatus(plan, state, nowMs);
  return {
    ...(status.currentPhase ? { phase: status.currentPhase.id } : {}),
    state: state.status,
    owed: status.totals.open,
    overdue: status.totals.overdue,
    marks: status.accountabilityMarks,
  };
}

export function unitSearchValues(progress: UnitProgress, ended: boolean): SearchValues {
  const phases = Object.values(progress.phases);
  return {
    state: ended ? 'ended' : 'open',
    owed: phases.reduce((sum, p) => sum + p.open, 0),
    overdue: phases.reduce((sum, p) => sum + p.overdue, 0),
    marks: progress.marks,
  };
}
