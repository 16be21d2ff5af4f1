import { z } from 'zod';
import { CALENDAR_PRESETS } from '../calendar/cn-mainland';
import { AssessmentSchema } from './assessment-schema';
import { PLAN_LIMITS as LIMIT, lineOf, textOf } from './plan-limits';
import { DurationSchema, EmailSchema, IdSchema, LocalDateSchema, LocalTimeSchema, PersonSchema } from './primitives';
import { ReceptionsSchema } from './reception-schema';

// The small value schemas live in primitives.ts, so that section files can use them too.
export { DurationSchema, IdSchema, LocalDateSchema, LocalTimeSchema, PersonSchema };

/**
 * The plan file (实施方案) as data. One schema; every type below comes from z.infer.
 * Cross-field rules (unique ids, references, ordering) live in validate-plan.ts, because zod
 * object schemas check one value at a time and we want every problem reported at once.
 */

export const TimeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not a known IANA time zone (e.g. "Asia/Shanghai")');

export const ContactSchema = z.object({
  name: lineOf(LIMIT.name),
  email: EmailSchema.optional(),
  phone: textOf(LIMIT.phone).optional(),
});

export const HolidayCalendarSchema = z.object({
  /** A built-in calendar: `cn-mainland` holds the State Council's published holidays and make-up workdays. */
  preset: z.enum(CALENDAR_PRESETS).optional(),
  /** Days off besides weekends (法定节假日); with a preset, added to it (and they win over its workdays). */
  daysOff: z.array(LocalDateSchema).max(LIMIT.calendarDays).default([]),
  /** Make-up working days (调休上班) that fall on a weekend; with a preset, added to it. */
  workdays: z.array(LocalDateSchema).max(LIMIT.calendarDays).default([]),
  /** Dates the preset lists (as a day off or a workday) that this plan does not follow. */
  except: z.array(LocalDateSchema).max(LIMIT.calendarDays).optional(),
  weekendsOff: z.boolean().default(true),
});

export const CampaignSchema = z.object({
  id: IdSchema,
  title: lineOf(LIMIT.title),
  organiser: lineOf(LIMIT.name),
  timeZone: TimeZoneSchema.default('Asia/Shanghai'),
  locale: z.enum(['zh', 'en']).default('zh'),
  calendar: HolidayCalendarSchema.default({ daysOff: [], workdays: [], weekendsOff: true }),
  /** 遇节假日顺延: move due dates that fall on a day off to the next working day. */
  postponeDueDatesOnDaysOff: z.boolean().default(false),
  /** 节假日不催报: reminders and escalations that fall on a day off go out on the next working day, at the same time. */
  quietOnDaysOff: z.boolean().default(false),
  /**
   * 汇总发送: notices of one kind to one person on one day (reminders, overdue notices, escalations,
   * 通报批评) go out as one mail listing them all, after the day is over. Off: one mail per event.
   */
  digestMail: z.boolean().default(true),
  /** Time of day a deliverable given only by date is due ("4月14日前上报" → that day at this time). */
  defaultDueTime: LocalTimeSchema.default('18:00'),
  /**
   * 活动时间 ("4月1日至4月30日"): the campaign's own dates, both days inclusive. Phases sit inside
   * them; the campaign runs, and reports may still come in, until its last day is over, so a summary
   * may be due after the last phase (domain/campaign/campaign-window.ts).
   */
  window: z.object({ start: LocalDateSchema, end: LocalDateSchema }).optional(),
});

export const LeadingGroupSchema = z.object({
  head: PersonSchema,
  deputies: z.array(PersonSchema).max(LIMIT.people).default([]),
  members: z.array(PersonSchema).max(LIMIT.people).default([]),
});

export const OfficeSchema = PersonSchema.extend({
  /** Where the office sits, e.g. 县信访局. */
  seatedAt: textOf(LIMIT.name).optional(),
});

export const UnitSchema = z.object({
  id: IdSchema,
  name: lineOf(LIMIT.name),
  head: ContactSchema,
  contact: ContactSchema.extend({ email: EmailSchema }),
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
  notify: z.array(AudienceSchema).min(1).max(LIMIT.audiences),
  /** 通报: a public notice to every unit naming the late unit. */
  publicNotice: z.boolean().default(false),
  /** 责任追究: record an accountability mark against the unit. */
  accountability: z.boolean().default(false),
  label: textOf(LIMIT.label).optional(),
});

export const BUILT_IN_REPORT_KINDS = ['summary', 'member-list', 'case-ledger', 'progress', 'document'] as const;

export const ReportKindDefinitionSchema = z.object({
  title: lineOf(LIMIT.title),
  /** Fields the structured report must carry; each a non-empty string unless `type` says otherwise. */
  fields: z
    .array(
      z.object({
        name: IdSchema,
        type: z.enum(['text', 'number', 'date']).default('text'),
        required: z.boolean().default(true),
      }),
    )
    .max(LIMIT.reportFields)
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
    /** Which month a report covers, as mails and report rows name it: the month it is due in, or the one before. */
    period: z.enum(['due-month', 'previous-month']).default('due-month'),
    until: LocalDateSchema.optional(),
  }),
]);

export const DeliverableSchema = z.object({
  id: IdSchema,
  title: lineOf(LIMIT.title),
  owedBy: z.union([z.literal('all'), z.array(IdSchema).min(1).max(LIMIT.units)]).default('all'),
  due: DueSchema,
  kind: IdSchema.default('summary'),
  recurrence: RecurrenceSchema.optional(),
  reminders: z.array(ReminderSchema).max(LIMIT.reminders).optional(),
  escalation: z.array(EscalationStepSchema).max(LIMIT.escalationSteps).optional(),
  postponeOnDayOff: z.boolean().optional(),
  /** After this long past due a missing report can no longer be submitted; default: until the phase is approved or the campaign ends. */
  acceptLateFor: DurationSchema.optional(),
});

export const PhaseWindowSchema = z.union([
  z.object({ start: LocalDateSchema, end: LocalDateSchema }),
  /** Relative window: starts `gap` after the previous phase ends (default "0d") and lasts `duration`. */
  z.object({ duration: DurationSchema, gap: DurationSchema.optional() }),
]);

/**
 * Who approves a phase with `gate: approval`: the head alone, the head and deputies (default), any
 * member of the leading group, the group by majority (过半数), the office, or named leaders.
 */
export const ApproversSchema = z.union([
  z.enum(['head', 'head-and-deputies', 'leading-group', 'group-majority', 'office']),
  z.object({ leaders: z.array(IdSchema).min(1) }),
]);

/** 督导组: a supervision team of leading-group members (by id); the office sends it out. */
export const SupervisionTeamSchema = z.object({
  id: IdSchema,
  name: lineOf(LIMIT.name),
  members: z.array(IdSchema).max(LIMIT.people).default([]),
});

/** What a duty is, in the plans' words: 督查 supervision, 暗查 unannounced check, 抽查 spot check, 检查 inspection. */
export const DUTY_KINDS = ['supervision', 'unannounced-check', 'spot-check', 'inspection'] as const;

/**
 * A duty the office, the leading group or a supervision team owes in a phase (督查, 暗查, 抽查):
 * not a unit's report but a visit to units, whose findings are recorded, reported, and may
 * become cases in a unit's ledger.
 */
export const DutySchema = z.object({
  id: IdSchema,
  title: lineOf(LIMIT.title),
  kind: z.enum(DUTY_KINDS).default('supervision'),
  by: z.union([z.enum(['office', 'leading-group']), z.object({ team: IdSchema })]).default('office'),
  /** The units it visits. */
  units: z.union([z.literal('all'), z.array(IdSchema).min(1).max(LIMIT.units)]).default('all'),
  due: DueSchema,
});

export const PhaseSchema = z.object({
  id: IdSchema,
  name: lineOf(LIMIT.name),
  window: PhaseWindowSchema,
  gate: z.enum(['window-end', 'approval']).default('window-end'),
  approvers: ApproversSchema.default('head-and-deputies'),
  /** Lets this phase begin before the previous one ends (real plans share boundary days without saying so). */
  mayOverlapPrevious: z.boolean().default(false),
  /** Units may file cases (立案) in this phase. */
  casesFiling: z.boolean().default(false),
  deliverables: z.array(DeliverableSchema).max(LIMIT.deliverablesPerPhase).default([]),
  /** The office's and the leading group's own duties in the phase (督查, 暗查, 抽查). */
  duties: z.array(DutySchema).max(LIMIT.deliverablesPerPhase).default([]),
});

export const PlanSchema = z.object({
  $schema: textOf(LIMIT.label * 5).optional(),
  version: z.literal(1).default(1),
  campaign: CampaignSchema,
  leadingGroup: LeadingGroupSchema,
  office: OfficeSchema,
  units: z.array(UnitSchema).min(1).max(LIMIT.units),
  reportKinds: z
    .record(IdSchema, ReportKindDefinitionSchema)
    .refine((kinds) => Object.keys(kinds).length <= LIMIT.reportKinds, `at most ${LIMIT.reportKinds} report kinds`)
    .default({}),
  reminders: z
    .array(ReminderSchema)
    .max(LIMIT.reminders)
    .default([
      { before: '2d', at: '09:00' },
      { before: '0d', at: '09:00' },
    ]),
  escalation: z.array(EscalationStepSchema).max(LIMIT.escalationSteps).default([]),
  /** 督导组: the teams a phase's duties may name. */
  supervisionTeams: z.array(SupervisionTeamSchema).max(LIMIT.people).default([]),
  caseCategories: z
    .array(z.object({ id: IdSchema, name: lineOf(LIMIT.name) }))
    .max(LIMIT.caseCategories)
    .default([
      { id: 'law-related', name: '涉法涉诉' },
      { id: 'repeated-petition', name: '重复访、越级访、集体访' },
      { id: 'handed-down', name: '省市交办' },
      { id: 'hot-issue', name: '热点难点问题' },
    ]),
  /** A plan must have phases or reception programmes (see check-receptions.ts); a receptions-only plan runs no phases. */
  phases: z.array(PhaseSchema).max(LIMIT.phases).default([]),
  receptions: ReceptionsSchema.optional(),
  assessment: AssessmentSchema.optional(),
});

export type Plan = z.infer<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
export type Campaign = z.infer<typeof CampaignSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type Phase = z.infer<typeof PhaseSchema>;
export type Deliverable = z.infer<typeof DeliverableSchema>;
export type Duty = z.infer<typeof DutySchema>;
export type SupervisionTeam = z.infer<typeof SupervisionTeamSchema>;
export type Reminder = z.infer<typeof ReminderSchema>;
export type EscalationStep = z.infer<typeof EscalationStepSchema>;
export type Audience = z.infer<typeof AudienceSchema>;
export type Approvers = z.infer<typeof ApproversSchema>;
export type HolidayCalendar = z.infer<typeof HolidayCalendarSchema>;
export type Due = z.infer<typeof DueSchema>;
export type Recurrence = z.infer<typeof RecurrenceSchema>;
export type ReportKindDefinition = z.infer<typeof ReportKindDefinitionSchema>;
