import { AssessmentResultSchema } from '../../domain/assessment/result-schema';
import { z } from 'zod';
import { ReceptionReportsSchema } from './reception-report-input';

/**
 * A status snapshot of a campaign, as the workflow knows it, handed to `publishReport`. Plain
 * data (no plan, no events) so the report compiler stays a pure function and the snapshot stays
 * well under Temporal's 2 MB payload limit even for a county with hundreds of units.
 */

const Instant = z.iso.datetime({ offset: true });

export const DeliverableStateSchema = z.enum(['on-time', 'late', 'missing', 'pending']);
export type DeliverableState = z.infer<typeof DeliverableStateSchema>;

/**
 * A file a unit attached to its report, as the report lists it. `stored` is what the publishing
 * host found in the report store every host shares; absent when nobody looked (a pure compile).
 */
export const ReportAttachmentSchema = z.object({
  name: z.string(),
  ref: z.string(),
  size: z.number().int().nonnegative(),
  mediaType: z.string(),
  stored: z.boolean().optional(),
});
export type ReportAttachment = z.infer<typeof ReportAttachmentSchema>;

export const UnitRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  deliverableId: z.string(),
  deliverableTitle: z.string(),
  state: DeliverableStateSchema,
  dueAt: Instant.optional(),
  submittedAt: Instant.optional(),
  /** Late submissions: how late; missing ones: how late so far at `generatedAt`. */
  lateByMs: z.number().nonnegative().optional(),
  /** Times the report was returned; its lateness counts from its first submission (domain/unit/lateness.ts). */
  returns: z.number().int().nonnegative().default(0),
  /** The files of the report as it stands (at most 20 a submission: domain/reports/report-schema.ts). */
  attachments: z.array(ReportAttachmentSchema).max(20).default([]),
});
export type UnitRow = z.infer<typeof UnitRowSchema>;

export const PhaseSnapshotSchema = z.object({
  phaseId: z.string(),
  phaseName: z.string(),
  rows: z.array(UnitRowSchema),
});
export type PhaseSnapshot = z.infer<typeof PhaseSnapshotSchema>;

export const EscalationEntrySchema = z.object({
  at: Instant,
  unitName: z.string(),
  phaseName: z.string(),
  deliverableTitle: z.string(),
  step: z.number().int(),
  stepLabel: z.string().optional(),
  publicNotice: z.boolean().default(false),
  accountability: z.boolean().default(false),
});
export type EscalationEntry = z.infer<typeof EscalationEntrySchema>;

export const AccountabilityMarkSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  deliverableTitle: z.string(),
  step: z.number().int(),
  stepLabel: z.string().optional(),
  at: Instant,
});
export type AccountabilityMark = z.infer<typeof AccountabilityMarkSchema>;

/** A leader's decision on a phase: an approval (with what was said) or a return (to whom, what, by when). */
export const PhaseDecisionSchema = z.object({
  phaseName: z.string(),
  kind: z.enum(['approved', 'returned']),
  by: z.string(),
  at: Instant.optional(),
  text: z.string().optional(),
  units: z.array(z.string()).default([]),
  deliverables: z.array(z.string()).default([]),
  newDueAt: Instant.optional(),
});
export type PhaseDecision = z.infer<typeof PhaseDecisionSchema>;

/** A duty of the office or a supervision team (督查, 暗查) and what it found. */
export const DutyReportSchema = z.object({
  phaseName: z.string(),
  title: z.string(),
  kind: z.enum(['supervision', 'unannounced-check', 'spot-check', 'inspection']),
  by: z.string(),
  dueAt: Instant.optional(),
  state: z.enum(['pending', 'open', 'overdue', 'done']),
  completedAt: Instant.optional(),
  findings: z
    .array(
      z.object({
        unitName: z.string(),
        text: z.string(),
        at: Instant,
        caseId: z.string().optional(),
        filingError: z.string().optional(),
      }),
    )
    .default([]),
});
export type DutyReport = z.infer<typeof DutyReportSchema>;

export const LedgerStatsSchema = z.object({
  total: z.number().int().nonnegative(),
  closed: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative().default(0),
  byCategory: z
    .array(z.object({ category: z.string(), total: z.number().int(), closed: z.number().int() }))
    .default([]),
});
export type LedgerStats = z.infer<typeof LedgerStatsSchema>;

export const CampaignReportInputSchema = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  rehearsal: z.boolean(),
  timeZone: z.string(),
  locale: z.enum(['zh', 'en']).default('zh'),
  scope: z.enum(['phase', 'campaign']).default('campaign'),
  /** A phase report's revision; a later one replaces the earlier ones (reports that came in after it was compiled). */
  revision: z.number().int().positive().default(1),
  /** Plan time the snapshot was taken (simulated in a rehearsal). */
  generatedAt: Instant,
  phases: z.array(PhaseSnapshotSchema),
  escalations: z.array(EscalationEntrySchema).default([]),
  accountabilityMarks: z.array(AccountabilityMarkSchema).default([]),
  /** Approvals, comments and returns, in time order. */
  decisions: z.array(PhaseDecisionSchema).default([]),
  /** The office's and supervision teams' duties; a phase report shows its phase's only. */
  duties: z.array(DutyReportSchema).default([]),
  ledger: LedgerStatsSchema.optional(),
  /** Reception programmes (领导接访日) running beside the campaign: weekly and monthly counts. */
  receptions: ReceptionReportsSchema,
  /** The assessment's result (考核评比), once the leading group approved and published it. */
  assessment: z.object({ result: AssessmentResultSchema, approvedBy: z.string() }).optional(),
});
export type CampaignReportInput = z.infer<typeof CampaignReportInputSchema>;
export type CampaignReportInputData = z.input<typeof CampaignReportInputSchema>;
