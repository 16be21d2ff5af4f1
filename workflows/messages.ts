import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { CampaignStatus, OverdueRow } from '../domain/campaign/campaign-status';
import type { Case, CaseStatus } from '../domain/cases/case-schema';
import type { CaseEventInput } from '../domain/cases/case-events';
import type { CaseCommand } from '../domain/cases/case-notices';
import type { LedgerStats } from '../domain/cases/ledger-stats';
import type { TimelineEntry } from '../domain/campaign/campaign-state';
import type { Unit } from '../domain/plan/schema';
import { IdSchema, LocalDateSchema, UnitSchema } from '../domain/plan/schema';
import { ReportSchema } from '../domain/reports/report-schema';
import type { AuditEntry, AuditLog } from '../domain/access/audit-log';
import { AccessRegistrySchema, type AccessDepths, type AccessRegistry } from '../domain/access/credential-chain';
import type { CampaignEvent } from '../domain/unit/campaign-events';
import type { UnitProgress } from '../domain/unit/unit-progress';
import type { UnitWorkflowInput } from './unit-workflow';
import type { UnitStatusView } from '../domain/unit/unit-status-view';
import type { EscalationEntry, UnitLogEntry } from '../domain/unit/unit-state';

/**
 * Every message the workflows accept, in one module shared by workflows and clients. Each input
 * has a zod schema; update validators parse with it, so a bad payload is rejected with the field
 * named and never reaches workflow state.
 */

/** Who performs an action: `unit:<id>`, `leader:<id>`, `office`, or a person's name. */
export const ActorSchema = z.string().trim().min(1, 'say who performs the action (--as)').max(100);

/** A due date from a person: a local date (the plan's default due time applies) or an exact ISO time. */
export const DueInputSchema = z.union([LocalDateSchema, z.iso.datetime({ offset: true })]);

/**
 * Status queries answer as of the caller's clock. Inside a query, workflow time stands at the
 * workflow's last activation, which for a campaign sleeping until its next deadline can be days
 * ago; the caller's real time, mapped through the plan clock, is the moment it is asking about.
 */
export interface AsOf {
  realNowMs: number;
}
export const asOfNow = (): AsOf => ({ realNowMs: Date.now() });

// ---- unit workflow ----
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
export const campaignEventSignal = defineSignal<[CampaignEvent]>('campaignEvent');
export const unitStatusQuery = defineQuery<UnitStatusView, [AsOf?]>('unitStatus');
export const unitTimelineQuery = defineQuery<UnitLogEntry[]>('unitTimeline');

// ---- ledger (in the unit workflow: a unit's cases live with its deliverables) ----
/**
 * Filing opens when the plan's first phase with `casesFiling` opens and stays open until the
 * campaign ends: new cases found after the ledger was reported are filed at once
 * (上报后再出现新发问题随时上报). The ledger checks every filing itself, so the envelope only
 * bounds the batch: 200 rows keep one update far below the 2 MB payload limit. A larger file is
 * sent as a chunked import (importId, chunk, chunks): the unit stages the chunks and files them all
 * when the last arrives, so a file is imported whole or not at all.
 */
export const FILINGS_PER_UPDATE = 200;
export const FileCasesInputSchema = z
  .object({
    filings: z.array(z.unknown()).min(1, 'file at least one case').max(FILINGS_PER_UPDATE),
    by: ActorSchema,
    /** A bulk import of the unit's own ledger may skip the per-case mails (see FileOptions). */
    notify: z.boolean().optional(),
    importId: IdSchema.optional(),
    chunk: z.number().int().nonnegative().optional(),
    chunks: z.number().int().positive().max(1000).optional(),
  })
  .refine((r) => [r.importId, r.chunk, r.chunks].every((v) => v === undefined) || r.importId !== undefined, {
    message: 'a chunked import names importId, chunk and chunks together',
    path: ['importId'],
  })
  .refine((r) => r.importId === undefined || (r.chunk !== undefined && r.chunks !== undefined), {
    message: 'a chunked import names importId, chunk and chunks together',
    path: ['chunk'],
  });
export type FileCasesInput = z.input<typeof FileCasesInputSchema>;

export interface FileCasesResult {
  filed: string[];
  /** Filings already in the ledger, by their index in the request (the whole import): skipped, not doubled. */
  duplicates: { index: number; caseId: string }[];
  /** For a chunk of an import that is not its last: rows staged so far, nothing filed yet. */
  staged?: number;
}

export interface CaseEventResult {
  caseId: string;
  /** 'transferred' when the case left this unit's ledger. */
  status: CaseStatus | 'transferred';
  /** The unit that holds the case now. */
  unitId: string;
}

export interface CasesFilter {
  status?: CaseStatus;
  /** Only cases neither closed nor given next steps (the tick-off list). */
  unreconciled?: boolean;
  /** Only open cases past their deadline at `asOf` (the caller's clock, see AsOf). */
  overdue?: boolean;
  asOf?: AsOf;
  caseId?: string;
}

/** A case handed over by another unit, with its history; `transferId` makes a re-delivery harmless. */
export interface ReceiveCaseInput {
  transferId: string;
  fromUnit: string;
  case: Case;
  /** The notices of the transfer, sent by the receiving unit to its own head and contact. */
  commands: CaseCommand[];
}

export const fileCasesUpdate = defineUpdate<FileCasesResult, [FileCasesInput]>('fileCases');
/** One case event (note, transfer, escalate, extend, submitClosure, accept, return, nextSteps). */
export const caseEventUpdate = defineUpdate<CaseEventResult, [CaseEventInput]>('caseEvent');
export const receiveCaseUpdate = defineUpdate<CaseEventResult, [ReceiveCaseInput]>('receiveCase');
export const casesQuery = defineQuery<Case[], [CasesFilter?]>('cases');
export const ledgerStatsQuery = defineQuery<LedgerStats, [AsOf?]>('ledgerStats');

// ---- campaign workflow ----
export const ApprovePhaseInputSchema = z.object({
  phaseId: IdSchema,
  by: ActorSchema,
  comment: z.string().max(2000).optional(),
});
export type ApprovePhaseInput = z.infer<typeof ApprovePhaseInputSchema>;

export const ReturnPhaseInputSchema = z.object({
  phaseId: IdSchema,
  units: z.array(IdSchema).min(1, 'name at least one unit'),
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

export const ActorInputSchema = z.object({ by: ActorSchema });
export type ActorInput = z.infer<typeof ActorInputSchema>;

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
export const unitProgressSignal = defineSignal<[UnitProgress]>('unitProgress');

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

// ---- access (both workflows) ----
/** How deep each credential chain of this workflow stands; null when the campaign runs without credentials. */
export const accessQuery = defineQuery<AccessDepths | null>('access');
/** Refused attempts a unit workflow reports to its campaign's audit log. */
export const accessAuditSignal = defineSignal<[AuditEntry[]]>('accessAudit');
export const auditLogQuery = defineQuery<AuditLog>('auditLog');
