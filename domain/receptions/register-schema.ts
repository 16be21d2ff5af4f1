import { z } from 'zod';
import type { Case } from '../cases/case-schema';
import { IdSchema, LocalDateSchema } from '../plan/primitives';

/**
 * The visit register (信访接待登记表) and substitutions (补位) as data: what a leader on duty (or
 * the office for them) sends, and what the programme keeps. Bounded so one message stays small.
 */

const Text = (max: number) => z.string().trim().min(1).max(max);

/** A matter that cannot be settled on the spot goes to a responsible unit with a handler and deadline. */
export const HandOverSchema = z.object({
  unit: IdSchema,
  handler: Text(100),
  deadline: LocalDateSchema,
  /** A case category of the plan; the ledger checks it. */
  category: IdSchema.default('hot-issue'),
  title: Text(200).optional(),
  stabilityOfficer: Text(100).optional(),
  requirements: Text(1000).optional(),
});

export const VisitorInputSchema = z.object({
  name: Text(100),
  contact: Text(100).optional(),
  matter: Text(2000),
  /** What the leader answered on the spot (当场答复). */
  answer: Text(2000),
  /** Absent: answered on the spot (当场解决). */
  handOver: HandOverSchema.optional(),
});

/** Which reception: by id, or by date (the programme's reception that day); default today's. */
const ReceptionRef = {
  receptionId: z.string().min(1).max(200).optional(),
  date: LocalDateSchema.optional(),
};

const recordFields = {
  ...ReceptionRef,
  visitors: z.array(VisitorInputSchema).max(50).default([]),
  /** "今日无来访": a record too; a reception with it is held, not missed. */
  noVisitors: z.boolean().default(false),
};
/** A record names its visitors or says there were none: one of the two. */
const visitorsOrNone = (r: { visitors: unknown[]; noVisitors: boolean }) => r.noVisitors !== r.visitors.length > 0;
const VISITORS_OR_NONE = {
  message: 'record either visitors or "no visitors today", not both and not neither',
  path: ['visitors'],
};
const By = z.string().trim().min(1).max(200);

/** A record as the service's body carries it: the holder signed in is `by`. */
export const RecordReceptionBodySchema = z.object(recordFields).refine(visitorsOrNone, VISITORS_OR_NONE);
export const RecordReceptionInputSchema = z
  .object({ ...recordFields, by: By })
  .refine(visitorsOrNone, VISITORS_OR_NONE);

const substituteFields = {
  ...ReceptionRef,
  /** The leader who stands in (补位): a leader of the plan. */
  substitute: IdSchema,
  reason: Text(500),
};
export const SubstituteBodySchema = z.object(substituteFields);
export const SubstituteInputSchema = z.object({ ...substituteFields, by: By });

export type HandOver = z.infer<typeof HandOverSchema>;
export type VisitorInput = z.infer<typeof VisitorInputSchema>;
export type RecordReceptionInput = z.input<typeof RecordReceptionInputSchema>;
export type RecordReceptionRequest = z.infer<typeof RecordReceptionInputSchema>;
export type SubstituteInput = z.infer<typeof SubstituteInputSchema>;

export interface RegisteredVisitor extends VisitorInput {
  /** The case filed in the unit's ledger; absent while filing or when it failed. */
  caseId?: string;
  filingError?: string;
}

export interface ReceptionRecord {
  receptionId: string;
  date: string;
  visitors: RegisteredVisitor[];
  noVisitors: boolean;
  recordedBy: string[];
  firstRecordedAtMs: number;
}

export interface Substitution {
  receptionId: string;
  date: string;
  leaderId: string;
  name: string;
  title?: string;
  email: string;
  rosteredName: string;
  reason: string;
  by: string;
  atMs: number;
}

export interface Miss {
  receptionId: string;
  date: string;
  /** Who was on duty: the substitute when there was one; the miss counts against them. */
  dutyKey: string;
  name: string;
}

/** The office pauses a programme (暂停) and resumes it; `untilMs` absent while it lasts. */
export interface Pause {
  fromMs: number;
  untilMs?: number;
  by: string;
  reason: string;
}

export const PauseInputSchema = z.object({
  reason: Text(500).default('办公室暂停'),
  by: z.string().trim().min(1).max(200),
});
export type PauseInput = z.input<typeof PauseInputSchema>;
export type PauseRequest = z.infer<typeof PauseInputSchema>;

export interface ReceptionProgrammeState {
  records: Record<string, ReceptionRecord>;
  substitutions: Record<string, Substitution>;
  missed: Record<string, Miss>;
  /** Receptions whose day fell in a pause: neither held nor missed. Absent in runs before pauses existed. */
  suspended?: Record<string, true>;
  /**
   * A receptions-only plan runs no unit ledger: the programme holds its handed-over cases itself
   * (filed by the ledger's own rules), so none is lost. Keyed by case id.
   */
  heldCases?: Record<string, Case>;
  /** Every pause so far, in order; bounded by PAUSES_PER_PROGRAMME. */
  pauses?: Pause[];
  /** Every alarm at or before this plan instant has been handled (survives continue-as-new). */
  handledUpToMs: number;
}

export function initialProgrammeState(startMs: number): ReceptionProgrammeState {
  return { records: {}, substitutions: {}, missed: {}, suspended: {}, pauses: [], handledUpToMs: startMs };
}
