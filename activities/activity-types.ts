import type { CampaignEvent } from '../domain/unit/campaign-events';
import type { NotificationRequest } from '../domain/notifications/notification';

/** The activities the workflows call, by signature only: workflows import this file as types. */

export interface DeliveryResult {
  email: string;
  status: 'delivered' | 'failed' | 'already-delivered' | 'outbox';
  messageId: string;
  error?: string;
}

export interface BroadcastInput {
  campaignWorkflowId: string;
  campaignId: string;
  taskQueue: string;
  /** 'all' asks the campaign for its roster when the activity runs, so the input stays small. */
  units: 'all' | string[];
  event: CampaignEvent;
}

export interface ReportRequest {
  campaignWorkflowId: string;
  scope: 'phase' | 'campaign';
  phaseId?: string;
}

export interface CampaignActivities {
  sendNotification(request: NotificationRequest): Promise<{ results: DeliveryResult[] }>;
  notifyAllUnits(input: {
    campaignWorkflowId: string;
    request: Omit<NotificationRequest, 'to'>;
  }): Promise<{ sent: number }>;
  broadcastToUnits(input: BroadcastInput): Promise<{ signalled: number }>;
  publishCampaignReport(input: ReportRequest): Promise<{ files: { name: string; ref: string; mediaType: string }[] }>;
}
