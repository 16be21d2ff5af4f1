import type { ReceptionCaseStatesInput } from './receptions/case-states';
import type { AssessmentFactsInput, PublishAssessmentInput } from './assessment/assessment-inputs';
import type { UnitFacts } from '../domain/assessment/facts';
import type { CaseStatus } from '../domain/cases/case-schema';
import type { CampaignEvent } from '../domain/unit/campaign-events';
import type { Seal } from '../domain/access/message-seal';
import type { CaseEventResult, ReceiveCaseInput, UnitSetup } from '../contracts';
import type { NotificationRequest } from '../domain/notifications/notification';

/** The activities the workflows call, by signature only: workflows import this file as types. */

export interface DeliveryResult {
  email: string;
  status: 'delivered' | 'failed' | 'already-delivered' | 'outbox';
  messageId: string;
  error?: string;
}

export interface BroadcastInput {
  campaignId: string;
  taskQueue: string;
  unitIds: string[];
  event: CampaignEvent;
  /** The campaign's seal on the event (domain/access/message-seal.ts), sent along with it. */
  seal: Seal;
  /**
   * Present when the units' workflows may not exist yet (campaign start, a unit added): they are
   * started with it. Later events carry only ids, so a broadcast to a thousand units stays small
   * and never has to ask the busy campaign workflow anything.
   */
  start?: UnitSetup;
}

export interface ReportRequest {
  campaignWorkflowId: string;
  scope: 'phase' | 'campaign';
  phaseId?: string;
  /** Reception programmes of the campaign whose counts join the report; absent: found by their workflow ids. */
  receptionProgrammes?: string[];
  /** A phase report's revision: above 1 it replaces the earlier ones, and says so. */
  revision?: number;
}

export interface PublishedCampaignReport {
  files: { name: string; ref: string; mediaType: string }[];
  /** The office's report_ready mail, which the workflow sends under the patient mail policy. */
  notification: NotificationRequest;
}

/** Moves a case into another unit's ledger (see activities/ledger/transfer-case.ts). */
export interface TransferCaseInput {
  campaignId: string;
  toUnit: string;
  receive: ReceiveCaseInput;
}

export interface CampaignActivities {
  sendNotification(request: NotificationRequest): Promise<{ results: DeliveryResult[] }>;
  /** Several notifications in one activity; each request keeps its own id, so each is still sent once. */
  sendNotifications(
    requests: NotificationRequest[],
  ): Promise<{ notifications: Array<{ id: string; results: DeliveryResult[] }> }>;
  notifyAllUnits(input: {
    campaignWorkflowId: string;
    request: Omit<NotificationRequest, 'to'>;
  }): Promise<{ sent: number }>;
  broadcastToUnits(input: BroadcastInput): Promise<{ signalled: number }>;
  transferCase(input: TransferCaseInput): Promise<CaseEventResult>;
  /** The state of cases handed over at receptions (see activities/receptions/case-states.ts). */
  receptionCaseStates(input: ReceptionCaseStatesInput): Promise<Record<string, CaseStatus>>;
  publishCampaignReport(input: ReportRequest): Promise<PublishedCampaignReport>;
  /** The campaign's facts per unit for an assessment (see activities/assessment). */
  assessmentFacts(input: AssessmentFactsInput): Promise<Record<string, UnitFacts>>;
  publishAssessmentReport(input: PublishAssessmentInput): Promise<{ files: PublishedCampaignReport['files'] }>;
}
