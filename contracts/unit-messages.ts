import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { AccessRegistry } from '../domain/access/credential-chain';
import type { CaseLedgerContext } from '../domain/cases/case-schema';
import type { PlanClock } from '../domain/clock/plan-clock';
import { IdSchema, LocalDateSchema, type ReportKindDefinition, type Unit } from '../domain/plan/schema';
import { ReportSchema } from '../domain/reports/report-schema';
import type { Seal } from '../domain/access/message-seal';
import type { CampaignEvent } from '../domain/unit/campaign-events';
import type { UnitStatusView } from '../domain/unit/unit-status-view';
import type { UnitLogEntry, UnitState } from '../domain/unit/unit-state';
import { ActorSchema, DueInputSchema, type AsOf } from './common';
import type { CarriedMail, NotificationContext } from './notification-context';

/** The messages of a unit's workflow about its deliverables (its cases: ledger-messages.ts). */

export interface UnitWorkflowInput {
  context: NotificationContext;
  clock: PlanClock;
  unit: Unit;
  reportKinds: Record<string, ReportKindDefinition>;
  defaultDueTime: string;
  /** What the unit's case ledger needs from the plan (units, categories, leaders, ladder). */
  ledgerContext: CaseLedgerContext;
  /** This unit's credential chains (its own, the office's, the leaders'); absent without credentials. */
  access?: AccessRegistry;
  /** The campaign's key for sealing the messages its workflows send each other (message-seal.ts). */
  messageKey: string;
  /** Whether the namespace has the campaign's search attributes (contracts/search-attributes.ts). */
  searchAttributes?: boolean;
  /** Carried across continue-as-new. */
  carried?: { state: UnitState; progressVersion: number; mail?: CarriedMail; seals?: SealCarry };
}

/** What a unit's seals carry across continue-as-new: what it took, and how many audit reports it sealed. */
export interface SealCarry {
  marks: Record<string, Record<string, number>>;
  auditSeq: number;
  /** How many hand-ins of notices for the digest it sealed. */
  noticeSeq?: number;
}

/** The unit workflow's signature, for clients that start or address it by name. */
export type UnitWorkflow = (input: UnitWorkflowInput, packed?: Uint8Array) => Promise<UnitState>;

export const SubmitReportInputSchema = z.object({
  deliverableId: IdSchema,
  occurrence: LocalDateSchema.optional(),
  report: ReportSchema,
  by: ActorSchema,
});
export type SubmitReportInput = z.infer<typeof SubmitReportInputSchema>;

export interface SubmissionReceipt {
  unitId: string;
  key: string;
  title: string;
  submittedAtMs: number;
  dueMs: number;
  /** How the report counts: a return never erases the lateness of an earlier submission (domain/unit/lateness.ts). */
  onTime: boolean;
  lateByMs: number;
  /** This submission's own lateness against the due date in force; differs from lateByMs after a return. */
  thisSubmissionLateByMs: number;
  /** How many times the report was returned before this submission. */
  returns: number;
}

export const ExtendDeadlineInputSchema = z.object({
  deliverableId: IdSchema,
  occurrence: LocalDateSchema.optional(),
  newDue: DueInputSchema,
  reason: z.string().trim().min(1, 'an extension needs a reason'),
  by: ActorSchema,
});
export type ExtendDeadlineInput = z.infer<typeof ExtendDeadlineInputSchema>;

export type { UnitStatusView };

export const submitReportUpdate = defineUpdate<SubmissionReceipt, [SubmitReportInput]>('submitReport');
export const extendDeadlineUpdate = defineUpdate<{ key: string; dueMs: number }, [ExtendDeadlineInput]>(
  'extendDeadline',
);
/** Sealed by the campaign (domain/access/message-seal.ts): an unsealed or replayed event is dropped and audited. */
export const campaignEventSignal = defineSignal<[CampaignEvent, Seal?]>('campaignEvent');
export const unitStatusQuery = defineQuery<UnitStatusView, [AsOf?]>('unitStatus');
export const unitTimelineQuery = defineQuery<UnitLogEntry[]>('unitTimeline');
