import { z } from 'zod';
import { DurationSchema, IdSchema, LocalDateSchema, LocalTimeSchema } from './schema-parts';
import { ReceptionsSchema } from './reception-schema';

/**
 * The plan file (实施方案) as data. One schema; every type below comes from z.infer.
 * Cross-field rules (unique ids, references, ordering) live in validate-plan.ts, because zod
 * object schemas check one value at a time and we want every problem reported at once.
 */

// The small value schemas live in schema-parts.ts, so that section files (reception-schema.ts) can use them too.
export { DurationSchema, IdSchema, LocalDateSchema, LocalTimeSchema };

export const TimeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not a known IANA time zone (e.g. "Asia/Shanghai")');

export const PersonSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  title: z.string().optional(),
  email: z.email(),
});

export const ContactSchema = z.object({
  name: z.string().min(1),
  email: z.email().optional(),
  phone: z.string().optional(),
});

export const HolidayCalendarSchema = z.object({
  /** Days off published by the State Council (法定节假日), besides weekends. */
  daysOff: z.array(LocalDateSchema).default([]),
  /** Make-up working days (调休上班) that fall on a weekend. */
  workdays: z.array(LocalDateSchema).default([]),
  weekendsOff: z.boolean().default(true),
});

export const CampaignSchema = z.object({
  id: IdSchema,
  title: z.string().min(1),
  organiser: z.string().min(1),
  timeZone: TimeZoneSchema.default('Asia/Shanghai'),
  locale: z.enum(['zh', 'en']).default('zh'),
  calendar: HolidayCalendarSchema.default({ daysOff: [], workdays: [], weekendsOff: true }),
  /** 遇节假日顺延: move due dates that fall on a day off to the next working day. */
  postponeDueDatesOnDaysOff: z.boolean().default(false),
  /** Time of day a deliverable given only by date is due ("4月14日前上报" → that day at this time). */
  defaultDueTime: LocalTimeSchema.default('18:00'),
});

export const LeadingGroupSchema = z.object({
  head: PersonSchema,
  deputies: z.array(PersonSchema).default([]),
  members: z.array(PersonSchema).default([]),
});

export const OfficeSchema = PersonSchema.extend({
  /** Where the office sits, e.g. 县信访局. */
  seatedAt: z.string().optional(),
});

export const UnitSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  head: ContactSchema,
  contact: ContactSchema.extend({ email: z.email() }),
  parent: IdSchema.optional(),
});

export const ReminderSchema = z.object({
  /** How long before the due time; with `at`, counted in calendar days. */
  before: DurationSchema,
  /** Local time of day, e.g. "09:00": "2 days before at 09:00", or "0d" + "09:00" for the morning of the day. */
  at: LocalTimeSchema.optional(),
});

export const AudienceSchema = z.union([
  z.enum(['unit-head', 'unit-contact', 'office', 'leading-group', 'all-units']),
  z.object({ leader: IdSchema }),
]);

export const EscalationStepSchema = z.object({
  after: DurationSchema,
  at: LocalTimeSchema.optional(),
  notify: z.array(AudienceSchema).min(1),
  /** 通报: a public notice to every unit naming the late unit. */
  publicNotice: z.boolean().default(false),
  /** 责任追究: record an accountability mark against the unit. */
  accountability: z.boolean().default(false),
  label: z.string().optional(),
});

export const BUILT_IN_REPORT_KINDS = ['summary', 'member-list', 'case-ledger', 'progress', 'document'] as const;

export const ReportKindDefinitionSchema = z.object({
  title: z.string().min(1),
  /** Fields the structured report must carry; each a non-empty string unless `type` says otherwise. */
  fields: z
    .array(
      z.object({
        name: IdSchema,
        type: z.enum(['text', 'number', 'date']).default('text'),
        required: z.boolean().default(true),
      }),
    )
    .default([]),
  attachmentsRequired: z.boolean().default(false),
});

export const DueSchema = z.union([
  LocalDateSchema,
  z.object({ date: LocalDateSchema, time: LocalTimeSchema.optional() }),
  z.object({ after: DurationSchema, time: LocalTimeSchema.optional() }),
]);

export const RecurrenceSchema = z.union([
  z.object({
    every: DurationSchema,
    /** First occurrence, as an offset from the phase start; defaults to `every`. */
    first: DurationSchema.optional(),
    /** Last possible due date; defaults to the phase end. */
    until: LocalDateSchema.optional(),
  }),
  z.object({
    /** Due on this day of every month within the phase (e.g. 1 for "每月1日前上报"). */
    monthlyOnDay: z.number().int().min(1).max(28),
    until: LocalDateSchema.optional(),
  }),
]);

export const DeliverableSchema = z.object({
  id: IdSchema,
  title: z.string().min(1),
  owedBy: z.union([z.literal('all'), z.array(IdSchema).min(1)]).default('all'),
  due: DueSchema,
  kind: IdSchema.default('summary'),
  recurrence: RecurrenceSchema.optional(),
  reminders: z.array(ReminderSchema).optional(),
  escalation: z.array(EscalationStepSchema).optional(),
  postponeOnDayOff: z.boolean().optional(),
  /** After this long past due a missing report can no longer be submitted; default: until the phase is approved or the campaign ends. */
  acceptLateFor: DurationSchema.optional(),
});

export const PhaseWindowSchema = z.union([
  z.object({ start: LocalDateSchema, end: LocalDateSchema }),
  /** Relative window: starts `gap` after the previous phase ends (default "0d") and lasts `duration`. */
  z.object({ duration: DurationSchema, gap: DurationSchema.optional() }),
]);

export const PhaseSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  window: PhaseWindowSchema,
  gate: z.enum(['window-end', 'approval']).default('window-end'),
  /** Lets this phase begin before the previous one ends (real plans share boundary days without saying so). */
  mayOverlapPrevious: z.boolean().default(false),
  /** Units may file cases (立案) in this phase. */
  casesFiling: z.boolean().default(false),
  deliverables: z.array(DeliverableSchema).default([]),
});

export const PlanSchema = z.object({
  $schema: z.string().optional(),
  version: z.literal(1).default(1),
  campaign: CampaignSchema,
  leadingGroup: LeadingGroupSchema,
  office: OfficeSchema,
  units: z.array(UnitSchema).min(1),
  reportKinds: z.record(IdSchema, ReportKindDefinitionSchema).default({}),
  reminders: z.array(ReminderSchema).default([
    { before: '2d', at: '09:00' },
    { before: '0d', at: '09:00' },
  ]),
  escalation: z.array(EscalationStepSchema).default([]),
  caseCategories: z.array(z.object({ id: IdSchema, name: z.string().min(1) })).default([
    { id: 'law-related', name: '涉法涉诉' },
    { id: 'repeated-petition', name: '重复访、越级访、集体访' },
    { id: 'handed-down', name: '省市交办' },
    { id: 'hot-issue', name: '热点难点问题' },
  ]),
  /** A plan must have phases or reception programmes (see check-receptions.ts); a receptions-only plan runs no phases. */
  phases: z.array(PhaseSchema).default([]),
  receptions: ReceptionsSchema.optional(),
});

export type Plan = z.infer<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
export type Campaign = z.infer<typeof CampaignSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type Phase = z.infer<typeof PhaseSchema>;
export type Deliverable = z.infer<typeof DeliverableSchema>;
export type Reminder = z.infer<typeof ReminderSchema>;
export type EscalationStep = z.infer<typeof EscalationStepSchema>;
export type Audience = z.infer<typeof AudienceSchema>;
export type HolidayCalendar = z.infer<typeof HolidayCalendarSchema>;
export type Due = z.infer<typeof DueSchema>;
export type Recurrence = z.infer<typeof RecurrenceSchema>;
export type ReportKindDefinition = z.infer<typeof ReportKindDefinitionSchema>;
