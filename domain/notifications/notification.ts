import { z } from 'zod';
import { AssessmentBodies } from './assessment-bodies';
import { DigestBodySchema, DigestItemSchemas } from './digest-items';

/**
 * What a workflow asks the notification activity to send. The workflow decides *who* is told
 * *what* and *when*; the activity renders the template in the recipient's locale and delivers it.
 * `id` is stable for one event (workflow id + event key), so a retried activity never mails twice.
 */

export const RecipientSchema = z.object({
  name: z.string(),
  email: z.email(),
  /** Which audience this recipient stands for, e.g. "unit-head", "office", "leader". */
  role: z.string().optional(),
});

const Instant = z.iso.datetime({ offset: true });

const DeliverableRef = z.object({
  phaseId: z.string(),
  phaseName: z.string(),
  deliverableId: z.string(),
  deliverableTitle: z.string(),
  dueAt: Instant,
});

const UnitRef = z.object({ unitId: z.string(), unitName: z.string() });

const CaseRef = z.object({ caseId: z.string(), caseTitle: z.string(), unitName: z.string(), deadline: Instant });

/** Leader reception days (领导接访日): see domain/receptions. */
const ReceptionRef = z.object({
  programmeName: z.string(),
  outreach: z.boolean(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  place: z.string(),
});

const ReceptionCounts = z.object({
  scheduled: z.number().int(),
  held: z.number().int(),
  missed: z.number().int(),
  substituted: z.number().int(),
  /** Receptions whose day fell in a pause (暂停). */
  suspended: z.number().int().default(0),
  visitors: z.number().int(),
  answeredOnSpot: z.number().int(),
  handedOver: z.number().int(),
  casesFiled: z.number().int(),
});

const ReceptionBodies = [
  z.object({
    kind: z.literal('reception_duty'),
    ...ReceptionRef.shape,
    daysBefore: z.number().int(),
    leaderName: z.string(),
    /** Set when the leader on duty stands in for the rostered one (补位). */
    standingInFor: z.string().optional(),
  }),
  z.object({
    kind: z.literal('reception_substitute'),
    ...ReceptionRef.shape,
    substituteName: z.string(),
    rosteredName: z.string(),
    reason: z.string(),
  }),
  z.object({ kind: z.literal('reception_missed'), ...ReceptionRef.shape, leaderName: z.string() }),
  z.object({
    kind: z.literal('reception_summary'),
    programmeName: z.string(),
    period: z.enum(['week', 'month']),
    from: z.string(),
    to: z.string(),
    counts: ReceptionCounts,
    leaders: z.array(
      z.object({
        name: z.string(),
        scheduled: z.number(),
        held: z.number(),
        missed: z.number(),
        substituted: z.number(),
      }),
    ),
    cases: z.array(
      z.object({
        date: z.string(),
        unitName: z.string(),
        title: z.string(),
        caseId: z.string().optional(),
        /** Where the case stands when the summary is sent. */
        status: z.enum(['open', 'closure-submitted', 'closed']).optional(),
      }),
    ),
  }),
] as const;

export const NotificationBodySchema = z.discriminatedUnion('kind', [
  ...ReceptionBodies,
  ...AssessmentBodies,
  z.object({
    kind: z.literal('phase_opened'),
    phaseId: z.string(),
    phaseName: z.string(),
    windowStart: Instant,
    windowEnd: Instant.optional(),
    owed: z.array(DeliverableRef.omit({ phaseId: true, phaseName: true })),
  }),
  ...DigestItemSchemas,
  DigestBodySchema,
  z.object({ kind: z.literal('phase_approved'), phaseId: z.string(), phaseName: z.string(), by: z.string() }),
  z.object({
    kind: z.literal('phase_returned'),
    ...UnitRef.shape,
    phaseId: z.string(),
    phaseName: z.string(),
    /** The reports sent back, when the return named some; absent: the whole phase. */
    deliverableTitles: z.array(z.string()).optional(),
    reason: z.string(),
    newDueAt: Instant,
    by: z.string(),
  }),
  z.object({
    kind: z.literal('deadline_extended'),
    ...UnitRef.shape,
    ...DeliverableRef.shape,
    reason: z.string(),
  }),
  z.object({ kind: z.literal('case_assigned'), ...CaseRef.shape, role: z.string() }),
  z.object({ kind: z.literal('case_overdue'), ...CaseRef.shape, lateByMs: z.number(), step: z.number().int() }),
  z.object({ kind: z.literal('closure_returned'), ...CaseRef.shape, reason: z.string() }),
  z.object({ kind: z.literal('case_transferred'), ...CaseRef.shape, fromUnitName: z.string(), reason: z.string() }),
  z.object({ kind: z.literal('case_escalated'), ...CaseRef.shape, leaderName: z.string(), reason: z.string() }),
  z.object({
    kind: z.literal('case_deadline_extended'),
    ...CaseRef.shape,
    previousDeadline: Instant,
    reason: z.string(),
  }),
  z.object({ kind: z.literal('closure_submitted'), ...CaseRef.shape }),
  z.object({ kind: z.literal('case_closed'), ...CaseRef.shape, by: z.string() }),
  z.object({ kind: z.literal('campaign_cancelled'), reason: z.string(), by: z.string() }),
  z.object({
    kind: z.literal('duty_due'),
    phaseName: z.string(),
    title: z.string(),
    dutyKind: z.enum(['supervision', 'unannounced-check', 'spot-check', 'inspection']),
    dueAt: Instant,
    /** A day past due and not done; otherwise the reminder a day before. */
    overdue: z.boolean(),
    findings: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal('report_ready'),
    scope: z.enum(['phase', 'campaign']),
    phaseName: z.string().optional(),
    /** A phase report reissued because reports came in after it was compiled; it replaces revision - 1. */
    revision: z.number().int().min(2).optional(),
    /** Report-store references (content hashes) of the compiled files. */
    files: z.array(z.object({ name: z.string(), ref: z.string(), mediaType: z.string() })),
  }),
]);

export const NotificationRequestSchema = z.object({
  id: z.string().min(1),
  campaignId: z.string(),
  campaignTitle: z.string(),
  rehearsal: z.boolean(),
  locale: z.enum(['zh', 'en']),
  timeZone: z.string(),
  /** Plan time of the event (in a rehearsal this is the simulated date, not the wall clock). */
  at: Instant,
  to: z.array(RecipientSchema).min(1),
  body: NotificationBodySchema,
});

export type Recipient = z.infer<typeof RecipientSchema>;
export type NotificationBody = z.infer<typeof NotificationBodySchema>;
export type NotificationKind = NotificationBody['kind'];
export type NotificationRequest = z.infer<typeof NotificationRequestSchema>;
