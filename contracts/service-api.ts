import { z } from 'zod';
import { AuditEntrySchema as CampaignAuditEntrySchema } from '../domain/access/audit-log';
import { PrincipalSchema } from '../domain/access/principal';
import { PublishedStatusSchema } from '../domain/campaign/published-status';
import { CASE_STATUSES } from '../domain/cases/case-schema';
import { IdSchema, LocalDateSchema } from '../domain/plan/schema';
import { ReportSchema } from '../domain/reports/report-schema';
import { DueInputSchema } from './common';

/**
 * The campaign service's JSON API (`campaign serve`): every request and response schema, once.
 * Routes parse with them, the OpenAPI document at /api/openapi.json is generated from them, and
 * the CLI's `--server` path reads answers with them.
 */

const Text = (max: number) => z.string().trim().min(1).max(max);

// ---- errors and sessions ----

export const ErrorBodySchema = z.object({
  error: z.object({
    /** Stable: `usage`, `not_found`, `unknown_unit`, `forbidden`, `no_session`, or the campaign's own refusal type. */
    code: z.string(),
    message: z.string(),
    /** The request field at fault, for a 400. */
    field: z.string().optional(),
    hint: z.string().optional(),
  }),
});

/** The credential file `campaign start` wrote, as it is: sign-in takes it whole. */
export const SignInBodySchema = z.object({
  campaignId: IdSchema,
  principal: PrincipalSchema,
  token: z.string().min(32, 'the token is too short to be one this system issued').max(200),
});
export type SignInBody = z.infer<typeof SignInBodySchema>;

export const SessionViewSchema = z.object({
  campaignId: z.string(),
  principal: PrincipalSchema,
  /** Repeat it as the header x-csrf-token (or the form field _csrf) on every state-changing request. */
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

// ---- path parameters and queries ----

export const CampaignParamsSchema = z.object({ campaignId: IdSchema });
export const UnitParamsSchema = z.object({ campaignId: IdSchema, unitId: IdSchema });
export const CaseParamsSchema = z.object({ campaignId: IdSchema, unitId: IdSchema, caseId: IdSchema });

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const TodoQuerySchema = z.object({ all: Flag.optional() });
export const CasesQuerySchema = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  overdue: Flag.optional(),
  unreconciled: Flag.optional(),
});
export const LastQuerySchema = z.object({ last: z.coerce.number().int().min(1).max(10_000).optional() });
export const ReportQuerySchema = z.object({ format: z.enum(['md', 'html', 'csv']).default('md') });

// ---- actions ----

/**
 * The text fields of a submission (multipart/form-data, beside the files): the deliverable, and
 * optionally the occurrence, the text, and a structured report as JSON.
 */
export const SubmitFieldsSchema = z.object({
  deliverableId: IdSchema,
  occurrence: LocalDateSchema.optional(),
  text: z.string().max(20_000).optional(),
  /** JSON of { text?, members?, fields? }, as a `--report` file holds. */
  report: z.string().max(200_000).optional(),
});
export type SubmitFields = z.infer<typeof SubmitFieldsSchema>;
export const ReportBodySchema = ReportSchema.omit({ attachments: true });

export const SubmissionReceiptSchema = z.object({
  unitId: z.string(),
  key: z.string(),
  title: z.string(),
  submittedAtMs: z.number(),
  dueMs: z.number(),
  onTime: z.boolean(),
  lateByMs: z.number(),
  thisSubmissionLateByMs: z.number(),
  returns: z.number(),
  files: z.array(z.object({ name: z.string(), ref: z.string(), size: z.number(), mediaType: z.string() })),
});

export const ApproveBodySchema = z.object({ phaseId: IdSchema, comment: z.string().max(2000).optional() });
export const ReturnBodySchema = z.object({
  phaseId: IdSchema,
  units: z.array(IdSchema).min(1, 'name at least one unit').max(5_000),
  deliverables: z.array(IdSchema).min(1).max(500).optional(),
  reason: Text(2_000),
  newDue: DueInputSchema,
});
export const ActionReceiptSchema = z.object({ ok: z.literal(true), message: z.string() });

/** A case event as a body: the event of `campaign case note|transfer|…` without `caseId` and `by`. */
export const CASE_EVENT_TYPES = [
  'note',
  'transfer',
  'escalate',
  'extend',
  'submitClosure',
  'accept',
  'return',
  'nextSteps',
] as const;
export const CaseEventBodySchema = z.looseObject({ type: z.enum(CASE_EVENT_TYPES) });
export const CaseEventResultSchema = z.looseObject({ caseId: z.string(), status: z.string() });

// ---- the office ----

/** A plan as text (YAML or JSON), as the office uploads it to see every issue with its line. */
export const PlanValidateBodySchema = z.object({
  text: z
    .string()
    .min(1, 'the plan is empty')
    .max(2 * 1024 * 1024, 'a plan is at most 2 MB'),
  fileName: z.string().trim().min(1).max(200).default('plan.yaml'),
  draft: z.boolean().optional(),
});
const PlanIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  location: z.object({ line: z.number(), column: z.number() }).optional(),
});
export const PlanValidationViewSchema = z.object({
  ok: z.boolean(),
  errors: z.array(PlanIssueSchema),
  warnings: z.array(PlanIssueSchema),
  /** Each issue as `file:line:column: message`, as `campaign validate` prints it. */
  lines: z.array(z.string()),
});
export const EmptyBodySchema = z.object({}).optional();
export const CancelBodySchema = z.object({ reason: Text(2_000) });
export const ExtendBodySchema = z.object({
  deliverableId: IdSchema,
  occurrence: LocalDateSchema.optional(),
  newDue: DueInputSchema,
  reason: Text(2_000),
});
export const ExtendResultSchema = z.object({ key: z.string(), dueMs: z.number() });

// ---- the case ledger ----

/** One case as `campaign case file` takes it; the owning unit is the one in the path. */
export const CaseFilingBodySchema = z.looseObject({ title: Text(500) });
export const FileCasesResultSchema = z.object({
  filed: z.array(z.string()),
  duplicates: z.array(z.object({ index: z.number(), caseId: z.string() })),
});
export const LedgerImportResultSchema = z.object({
  filed: z.number(),
  duplicates: z.number(),
  results: z.array(z.object({ unitId: z.string(), result: FileCasesResultSchema.loose() })),
});
export const LedgerExportQuerySchema = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** Petitioners' names and contacts unmasked: the office's alone. */
  personalData: Flag.optional(),
});
const CountsSchema = z.looseObject({ filed: z.number(), open: z.number(), closed: z.number(), overdue: z.number() });
export const LedgerStatsSchema = z.looseObject({ overall: CountsSchema });
export const CampaignLedgerStatsSchema = CountsSchema.extend({ closureRate: z.number().nullable().optional() }).loose();

// ---- views ----

const ObligationRowSchema = z.looseObject({
  key: z.string(),
  phaseId: z.string(),
  deliverableId: z.string(),
  title: z.string(),
  state: z.enum(['open', 'overdue', 'on-time', 'late', 'missing']),
  dueMs: z.number(),
  submittedAtMs: z.number().optional(),
  lateByMs: z.number().optional(),
  escalationStep: z.number(),
});

export const UnitViewSchema = z.looseObject({
  unitId: z.string(),
  unitName: z.string(),
  nowMs: z.number(),
  timeZone: z.string(),
  ended: z.boolean(),
  rows: z.array(ObligationRowSchema),
});

export const GlanceSchema = PublishedStatusSchema.extend({
  nowMs: z.number(),
  ageMs: z.number(),
  credentials: z.boolean(),
}).loose();

export const CampaignStatusSchema = z.looseObject({
  campaignId: z.string(),
  status: z.string(),
  nowMs: z.number(),
  units: z.array(z.looseObject({ unitId: z.string() })),
});

export const OverdueRowsSchema = z.array(
  z.looseObject({ unitId: z.string(), key: z.string(), dueMs: z.number(), lateByMs: z.number(), step: z.number() }),
);
export const EscalationRowsSchema = z.array(
  z.looseObject({ unitId: z.string(), key: z.string(), atMs: z.number(), step: z.number() }),
);
export const TimelineSchema = z.array(z.looseObject({ atMs: z.number(), what: z.string() }));

export const CaseListSchema = z.array(
  z.looseObject({
    id: z.string(),
    title: z.string(),
    status: z.string(),
    owningUnit: z.string(),
    petitioner: z.object({ name: z.string(), contact: z.string().optional() }),
  }),
);

export const ServiceAuditEntrySchema = z.object({
  scope: z.string(),
  actor: z.string(),
  action: z.string(),
  at: z.string(),
  detail: z.string().optional(),
});
export const AuditViewSchema = z.object({
  /** Refusals the campaign's workflows recorded (a missing, forged or overreaching credential). */
  campaign: z.object({ entries: z.array(CampaignAuditEntrySchema), total: z.number(), dropped: z.number() }),
  /** What the service refused or recorded itself: reads refused, sign-ins. */
  service: z.array(ServiceAuditEntrySchema),
});

export const NotificationsViewSchema = z.object({
  campaignId: z.string(),
  entries: z.array(
    z.looseObject({ kind: z.string(), at: z.string(), name: z.string(), subject: z.string(), status: z.string() }),
  ),
});

export type RouteMethod = 'get' | 'post' | 'delete';

/** Every route of the API, for the OpenAPI document; the routes use the same schemas. */
export interface ApiRoute {
  method: RouteMethod;
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** `multipart/form-data`: text fields of this schema, plus files under `file`. */
  multipart?: z.ZodObject;
  response: z.ZodType;
  /** Media type of a non-JSON answer (a report download). */
  produces?: string;
}
