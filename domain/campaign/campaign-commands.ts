import type { Audience } from '../plan/schema';
import type { NotificationBody } from '../notifications/notification';
import type { CampaignEvent } from '../unit/campaign-events';

export type CampaignCommand =
  /** `start`: the units' workflows may not exist yet and are started by this broadcast. */
  | { type: 'broadcast'; units: 'all' | string[]; event: CampaignEvent; start?: boolean }
  | { type: 'notify'; eventKey: string; atMs: number; audience: Audience[]; body: NotificationBody }
  /** `revision` above 1 reissues a report that later submissions made wrong (phase-report-revisions.ts). */
  | { type: 'phase-report'; phaseId: string; revision?: number }
  | { type: 'final-report' };

/**
 * Every unit workflow exists from the campaign's start, so a unit can ask what it owes before
 * phase one. The event carries number 0, which every unit ignores: it only creates the workflows.
 */
export function startAllUnits(by: string): CampaignCommand {
  return { type: 'broadcast', units: 'all', start: true, event: { type: 'paused', seq: 0, by } };
}
