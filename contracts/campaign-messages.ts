import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { AuditLog } from '../domain/access/audit-log';
import type { Seal } from '../domain/access/message-seal';
import { AccessRegistrySchema, type AccessRegistry, type CampaignAccess } from '../domain/access/credential-chain';
import type { CampaignState, TimelineEntry } from '../domain/campaign/campaign-state';
import type { CampaignStatus, OverdueRow } from '../domain/campaign/campaign-status';
import type { PlanClock } from '../domain/clock/plan-clock';
import { IdSchema, UnitSchema, type Plan, type Unit } from '../domain/plan/schema';
import type { DeskNotice, DigestBook } from '../domain/notifications/digest-book';
import type { UnitProgress } from '../domain/unit/unit-progress';
import type { EscalationEntry } from '../domain/unit/unit-state';
import { ActorSchema, DueInputSchema, type ActorInput, type AsOf } from './common';
import type { CarriedMail } from './notification-context';
import type { UnitWorkflowInput } from './unit-messages';

/** The messages of the campaign workflow: the leaders' and the office's actions, and what it tells. */

export interface CampaignWorkflowInput {
  plan: Plan;
  clock: PlanClock;
  startedBy: string;
  /** Credential chain ends (domain/access); absent for a campaign started without credentials. */
  access?: CampaignAccess;
  /** Where the unit workflows run (contracts/task-queues.ts); the campaign's own queue if absent. */
  unitTaskQueue?: string;
  /**
   * The key that seals the messages between the campaign's workflows (domain/access/message-seal.ts):
   * made by the client at start, it travels only inside encrypted workflow input.
   */
  messageKey: string;
  /** Whether the namespace has the campaign's search attributes (contracts/search-attributes.ts). */
  searchAttributes?: boolean;
  /** Carried across continue-as-new. */
  carried?: CampaignState;
  carriedSeals?: Record<string, Record<string, number>>;
  carriedAudit?: AuditLog;
  carriedMail?: CarriedMail;
  /** Digest mail gathered and not yet sent (domain/notifications/digest-book.ts). */
  carriedDigest?: DigestBook;
}

/** The campaign workflow's signature, for clients that start or address it by name. */
export type CampaignWorkflow = (input: CampaignWorkflowInput) => Promise<CampaignSummary>;

export const ApprovePhaseInputSchema = z.object({
  phaseId: IdSchema,
  by: ActorSchema,
  comment: z.string().max(2000).optional(),
});
export type ApprovePhaseInput = z.infer<typeof ApprovePhaseInputSchema>;

export const ReturnPhaseInputSchema = z.object({
  phaseId: IdSchema,
  units: z.array(IdSchema).min(1, 'name at least one unit'),
  /** Only these deliverables go back; the units' other reports in the phase stay accepted. Default: all of them. */
  deliverables: z.array(IdSchema).min(1, 'name at least one deliverable, or leave the list out').optional(),
  reason: z.string().trim().min(1, 'a return needs a reason'),
  newDue: DueInputSchema,
  by: ActorSchema,
});
export type ReturnPhaseInput = z.infer<typeof ReturnPhaseInputSchema>;

export const AddUnitInputSchema = z.object({
  unit: UnitSchema,
  by: ActorSchema,
  /** The new unit's chain ends, when the campaign runs with credentials (see domain/access). */
  access: AccessRegistrySchema.optional(),
});
export type AddUnitInput = z.infer<typeof AddUnitInputSchema>;

export const CancelInputSchema = z.object({
  reason: z.string().trim().min(1, 'cancelling needs a reason'),
  by: ActorSchema,
});
export type CancelInput = z.infer<typeof CancelInputSchema>;

export interface ActionReceipt {
  ok: true;
  message: string;
}

export interface CampaignSummary {
  campaignId: string;
  status: CampaignStatus['status'];
  rehearsal: boolean;
  completedAtMs?: number;
  totals: CampaignStatus['totals'];
  accountabilityMarks: number;
}

export const approvePhaseUpdate = defineUpdate<ActionReceipt, [ApprovePhaseInput]>('approvePhase');
export const returnPhaseUpdate = defineUpdate<ActionReceipt, [ReturnPhaseInput]>('returnPhase');
export const addUnitUpdate = defineUpdate<ActionReceipt, [AddUnitInput]>('addUnit');
export const pauseRemindersUpdate = defineUpdate<ActionReceipt, [ActorInput]>('pauseReminders');
export const resumeRemindersUpdate = defineUpdate<ActionReceipt, [ActorInput]>('resumeReminders');
export const cancelCampaignUpdate = defineUpdate<ActionReceipt, [CancelInput]>('cancelCampaign');
/** Sealed by the unit (domain/access/message-seal.ts): an unsealed or replayed report is dropped and audited. */
export const unitProgressSignal = defineSignal<[UnitProgress, Seal?]>('unitProgress');
/** Sealed like progress: a unit's notices for the campaign's digest mail (digest-book.ts). */
export const unitNoticesSignal = defineSignal<[DeskNotice[], Seal?]>('unitNotices');

export interface CampaignInfo {
  campaignId: string;
  title: string;
  rehearsal: boolean;
  scale: number;
  timeZone: string;
  taskQueue: string;
  startedBy: string;
}

export const campaignStatusQuery = defineQuery<CampaignStatus & { rehearsal: boolean }, [AsOf?]>('campaignStatus');
export const overdueQuery = defineQuery<OverdueRow[], [AsOf?]>('overdue');
export const escalationLogQuery = defineQuery<(EscalationEntry & { unitId: string })[]>('escalationLog');
export const timelineQuery = defineQuery<TimelineEntry[]>('timeline');
export const rosterQuery = defineQuery<Unit[]>('roster');
export const campaignInfoQuery = defineQuery<CampaignInfo>('campaignInfo');

/** What the fan-out activity needs to start a unit workflow: shared settings plus the roster. */
export interface UnitSetup {
  base: Omit<UnitWorkflowInput, 'unit' | 'carried' | 'access'>;
  units: Unit[];
  /** Each unit's own credential chains; absent when the campaign runs without credentials. */
  access?: Record<string, AccessRegistry>;
}
export const unitSetupQuery = defineQuery<UnitSetup>('unitSetup');
