import type { z } from 'zod';
import {
  CampaignSchema,
  DeliverableSchema,
  EscalationStepSchema,
  OfficeSchema,
  PersonSchema,
  PhaseSchema,
  PlanSchema,
  ReminderSchema,
  ReportKindDefinitionSchema,
  SupervisionTeamSchema,
  UnitSchema,
  type Campaign,
  type Deliverable,
  type EscalationStep,
  type Person,
  type Phase,
  type Plan,
  type Reminder,
  type ReportKindDefinition,
  type SupervisionTeam,
  type Unit,
} from './schema';
import { ReceptionProgrammeSchema, type ReceptionProgramme } from './reception-schema';

/**
 * A plan read as far as it is valid. When the schema rejects part of a file we still want the
 * cross-field checks (duplicate ids, dangling references, phase order) to run on the parts that
 * are fine, so the author sees every problem at once. An invalid array entry stays as a hole
 * (`undefined`) so indices in paths still point at the right line.
 */
type WithId<T extends { id: string }> = Partial<T> & { id: string };

export type LooseUnit = WithId<Unit>;
export type LoosePerson = WithId<Person>;
export type LooseDeliverable = WithId<Deliverable>;
export type LoosePhase = WithId<Omit<Phase, 'deliverables'>> & { deliverables: (LooseDeliverable | undefined)[] };

export interface LoosePlan {
  campaign: Campaign | undefined;
  leadingGroup: {
    head: LoosePerson | undefined;
    deputies: (LoosePerson | undefined)[];
    members: (LoosePerson | undefined)[];
  };
  office: LoosePerson | undefined;
  units: (LooseUnit | undefined)[];
  reportKinds: Record<string, ReportKindDefinition>;
  reminders: (Reminder | undefined)[];
  escalation: (EscalationStep | undefined)[];
  supervisionTeams: (SupervisionTeam | undefined)[];
  phases: (LoosePhase | undefined)[];
  receptions?: (ReceptionProgramme | undefined)[];
}

function pick<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

function items<T>(schema: z.ZodType<T>, value: unknown): (T | undefined)[] {
  return Array.isArray(value) ? value.map((item) => pick(schema, item)) : [];
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The valid fields of an object that zod rejected as a whole. Only entries whose id is valid are
 * kept: without an id nothing can refer to them, and their other problems come from zod anyway.
 */
function fields<S extends z.ZodRawShape & { id: z.ZodType<string> }>(
  schema: z.ZodObject<S>,
  value: unknown,
): (Partial<z.infer<z.ZodObject<S>>> & { id: string }) | undefined {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data as z.infer<z.ZodObject<S>> & { id: string };
  const raw = record(value);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const parsed = (field as z.ZodType).safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return typeof out.id === 'string' ? (out as Partial<z.infer<z.ZodObject<S>>> & { id: string }) : undefined;
}

function entries<S extends z.ZodRawShape & { id: z.ZodType<string> }>(schema: z.ZodObject<S>, value: unknown) {
  return Array.isArray(value) ? value.map((item) => fields(schema, item)) : [];
}

function salvagePhase(value: unknown): LoosePhase | undefined {
  const whole = pick(PhaseSchema, value);
  if (whole) return whole;
  const phase = fields(PhaseSchema.omit({ deliverables: true }), value);
  return phase && { ...phase, deliverables: entries(DeliverableSchema, record(value).deliverables) };
}

function salvageReportKinds(value: unknown): Record<string, ReportKindDefinition> {
  const kinds: Record<string, ReportKindDefinition> = {};
  for (const [key, definition] of Object.entries(record(value))) {
    const parsed = pick(ReportKindDefinitionSchema, definition);
    if (parsed) kinds[key] = parsed;
  }
  return kinds;
}

export function salvagePlan(input: unknown): LoosePlan {
  const raw = record(input);
  const group = record(raw.leadingGroup);
  return {
    campaign: pick(CampaignSchema, raw.campaign),
    leadingGroup: {
      head: fields(PersonSchema, group.head),
      deputies: entries(PersonSchema, group.deputies),
      members: entries(PersonSchema, group.members),
    },
    office: fields(OfficeSchema, raw.office),
    units: entries(UnitSchema, raw.units),
    reportKinds: salvageReportKinds(raw.reportKinds),
    reminders:
      raw.reminders === undefined ? PlanSchema.shape.reminders.parse(undefined) : items(ReminderSchema, raw.reminders),
    escalation: items(EscalationStepSchema, raw.escalation),
    supervisionTeams: items(SupervisionTeamSchema, raw.supervisionTeams),
    phases: Array.isArray(raw.phases) ? raw.phases.map(salvagePhase) : [],
    receptions: items(ReceptionProgrammeSchema, raw.receptions),
  };
}

/** A valid plan is a loose plan without holes; the checks are written once, against the loose shape. */
export function asLoose(plan: Plan): LoosePlan {
  return plan;
}
