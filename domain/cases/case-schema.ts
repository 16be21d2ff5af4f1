import type { HolidayCalendar } from '../plan/schema';
import { z } from 'zod';
import { IdSchema, LocalDateSchema } from '../plan/schema';

/**
 * A case (信访案件) as the ledger (台帐) keeps it. Registering a case fixes the "four clarities"
 * (四明确, 000 篇5): owning unit, case-owning leader with handler and stability officer, deadline,
 * and specific requirements. What a unit sends (CaseFiling) is kept apart from what the ledger
 * stores (Case), because only the ledger assigns ids, status and history.
 */

export const PRIORITY_FLAGS = [
  'collective', // 集体访
  'repeated', // 重复访
  'over-level', // 越级访
  'handed-down', // 省市交办
  'beijing-bound', // 进京访
  'long-standing', // 上访老户 / 长期积案
] as const;
export const PriorityFlagSchema = z.enum(PRIORITY_FLAGS);

/** `supervision`: found by the office or a supervision team on a duty (督查, 暗查: domain/campaign/duties.ts). */
export const CASE_SOURCES = ['ledger-import', 'reception-day', 'handed-down', 'filed', 'supervision'] as const;
export const CaseSourceSchema = z.enum(CASE_SOURCES);

export const CASE_STATUSES = ['open', 'closure-submitted', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const Text = z.string().trim().min(1);

/** 办结时限: an exact instant, or a local date that the ledger reads at the plan's default due time. */
export const CaseDeadlineSchema = z.union([z.iso.datetime({ offset: true }), LocalDateSchema]);

/** Personal data: keep it out of logs and public notices; exports may leave it out. */
export const PetitionerSchema = z.object({ name: Text, contact: Text.optional() });

/** 包案领导: often a county leader outside the plan's lists, so the id and email are optional. */
export const CaseLeaderSchema = z.object({ name: Text, leaderId: IdSchema.optional(), email: z.email().optional() });

export const CaseFilingSchema = z.object({
  /** Callers may choose the id (e.g. to make a retried filing idempotent); otherwise the ledger numbers it. */
  id: IdSchema.optional(),
  /** The office's own number (编号) for the case, if it has one. */
  externalRef: Text.optional(),
  title: Text,
  description: Text.optional(),
  category: IdSchema,
  priority: z.array(PriorityFlagSchema).default([]),
  petitioner: PetitionerSchema,
  owningUnit: IdSchema,
  owningLeader: CaseLeaderSchema,
  handler: Text,
  stabilityOfficer: Text,
  deadline: CaseDeadlineSchema,
  requirements: Text,
  source: CaseSourceSchema.default('filed'),
});

export const FOLLOW_UP_OPINIONS = ['agree', 'disagree', 'refused'] as const;

/**
 * 结案报告 as a unit sends it. The shape alone does not make a report acceptable: closure-standard.ts
 * also needs the seal, the petitioner's signature and, after "disagree" or a refusal, the visitor's reason.
 */
export const ClosureReportSchema = z.object({
  issueRaised: Text,
  investigation: Text,
  handlingOpinion: Text,
  signatures: z.object({ unitLeader: Text, handler: Text }),
  unitSealed: z.boolean(),
  followUp: z.object({
    opinion: z.enum(FOLLOW_UP_OPINIONS),
    petitionerSigned: z.boolean().optional(),
    visitorReason: Text.optional(),
  }),
});

export type PriorityFlag = z.infer<typeof PriorityFlagSchema>;
export type CaseSource = z.infer<typeof CaseSourceSchema>;
export type CaseLeader = z.infer<typeof CaseLeaderSchema>;
export type CaseFiling = z.infer<typeof CaseFilingSchema>;
export type CaseFilingInput = z.input<typeof CaseFilingSchema>;
export type ClosureReport = z.infer<typeof ClosureReportSchema>;

export interface CaseEscalation {
  leader: CaseLeader;
  reason: string;
  atMs: number;
}

export interface CaseNextSteps {
  text: string;
  by: string;
  atMs: number;
}

/** One line of a case's history; the event as it was applied, minus bulky payloads kept on the case. */
export interface CaseHistoryEntry {
  atMs: number;
  type: string;
  by: string;
  /** Human-readable detail: the note, the reason, the new unit or deadline. */
  detail?: string;
}

export interface Case extends Omit<CaseFiling, 'id'> {
  id: string;
  status: CaseStatus;
  /** Content key used to recognise a re-imported row (see case-fingerprint.ts); fixed at filing. */
  fingerprint: string;
  filedAtMs: number;
  /** The deadline as an instant, resolved once so stats and timers never need the time zone. */
  dueAtMs: number;
  /** Leaders the case was escalated to (合力攻坚), oldest first. */
  escalations: CaseEscalation[];
  /** How many overdue-ladder steps were sent for the current deadline; reset when the deadline moves. */
  overdueStepsSent: number;
  closure?: ClosureReport;
  closureSubmittedAtMs?: number;
  closedAtMs?: number;
  /** 下一步工作措施, for cases still open at the summary phase. */
  nextSteps?: CaseNextSteps;
  returns: number;
  history: CaseHistoryEntry[];
}

export interface CaseUnitRef {
  id: string;
  name: string;
}

export interface CaseLeaderRef {
  id: string;
  name: string;
  email?: string;
}

/** Who a step of the overdue ladder tells; the workflow maps each to recipients. */
export type CaseLadderTarget = 'unit-head' | 'case-leader' | 'office';

export interface CaseLadderStep {
  /** Duration after the deadline, e.g. "0d", "3d". */
  after: string;
  notify: CaseLadderTarget;
  label?: string;
}

/** What the ledger needs from the plan, kept on the ledger so events can be applied with no plan at hand. */
export interface CaseLedgerContext {
  units: CaseUnitRef[];
  categories: CaseUnitRef[];
  leaders: CaseLeaderRef[];
  timeZone: string;
  /** "HH:MM": when a deadline written as a date falls due. */
  defaultDueTime: string;
  ladder: CaseLadderStep[];
  /** What ledger-assigned ids start with (default "case"); a unit's own id keeps ids unique across units. */
  idPrefix?: string;
  /** 节假日不催报: ladder steps on a day off of this calendar go out on the next working day. */
  quietCalendar?: HolidayCalendar;
}

export interface CaseLedger {
  context: CaseLedgerContext;
  cases: Case[];
  /** Next number for ledger-assigned ids; never reused, so ids stay stable across transfers. */
  nextSeq: number;
}
