import type { Audience } from '../plan/schema';
import type { NotificationBody } from '../notifications/notification';
import type { CampaignEvent } from '../unit/campaign-events';

export type CampaignCommand =
  /** `start`: the units' workflows may not exist yet and are started by this broadcast. */
  | { type: 'broadcast'; units: 'all' | string[]; event: CampaignEvent; start?: boolean }
  | { type: 'notify'; eventKey: string; atMs: number; audience: Audience[]; body: NotificationBody }
  | { type: 'phase-report'; phaseId: string }
  | { type: 'final-report' };
