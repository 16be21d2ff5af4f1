import type { Audience } from '../plan/schema';
import type { NotificationBody } from '../notifications/notification';
import type { CampaignEvent } from '../unit/campaign-events';

export type CampaignCommand =
  | { type: 'broadcast'; units: 'all' | string[]; event: CampaignEvent }
  | { type: 'notify'; eventKey: string; atMs: number; audience: Audience[]; body: NotificationBody }
  | { type: 'phase-report'; phaseId: string }
  | { type: 'final-report' };
