import { z } from 'zod';
import { IdSchema, LocalDateSchema, LocalTimeSchema, PersonSchema } from './primitives';

/**
 * The plan's assessment (考核评比): what is scored, by whom, how several assessors' scores are
 * combined, what is deducted, what vetoes, and which awards are given in which order. Numbers in
 * a plan are written as the office writes them (1, 0.5, 10); the domain reads them as exact
 * decimals (domain/assessment/decimal.ts). Cross-field rules are in check-assessment.ts.
 */

const MAX_ITEMS = 50;
const MAX_ENTRANTS = 5_000;
const MAX_PANEL = 200;

/** A score, weight or threshold: a non-negative number with at most four decimals. */
const AmountSchema = z
  .number()
  .nonnegative()
  .refine((n) => Number.isFinite(n) && /^\d+(\.\d{1,4})?$/.test(String(n)), 'at most four decimals, e.g. 9.15');

const PositiveAmountSchema = AmountSchema.refine((n) => n > 0, 'must be more than 0');

/** Facts the campaign keeps about each unit, which computed items, deductions and vetoes read. */
export const RATE_FACTS = ['on-time-rate', 'closure-rate'] as const;
export const COUNT_FACTS = [
  'reports-late',
  'reports-missing',
  'overdue-cases',
  'escalation-steps',
  'public-notices',
  'accountability-marks',
] as const;
export const FactNameSchema = z.enum([...RATE_FACTS, ...COUNT_FACTS]);

export const ComputedScoreSchema = z.object({
  fact: FactNameSchema,
  /** For a count: points taken off the item's maximum per occurrence (floored at 0). A rate scales the maximum. */
  perEach: PositiveAmountSchema.optional(),
});

export const AssessmentItemSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  /** Worth this many points: a score runs from 0 to `points` and the total is their sum. */
  points: PositiveAmountSchema.optional(),
  /** Or a share of the total in percent: scored from 0 to `outOf`, counted as score / outOf × weight. */
  weight: PositiveAmountSchema.optional(),
  outOf: PositiveAmountSchema.default(100),
  /** Who scores it: ids of leaders or of the panel; default the whole panel, or the leading group without one. */
  assessors: z.array(IdSchema).min(1).max(MAX_PANEL).optional(),
  /** Not scored by people: computed from the campaign's facts about the unit. */
  computed: ComputedScoreSchema.optional(),
});

export const CombineSchema = z.object({
  method: z.enum(['mean', 'median', 'trimmed-mean']).default('mean'),
  /** For trimmed-mean: how many of the highest and of the lowest scores are dropped (去掉最高分、最低分). */
  dropHighest: z.number().int().min(0).max(10).default(0),
  dropLowest: z.number().int().min(0).max(10).default(0),
  /**
   * `item`: each item's scores are combined on their own. `assessor-total`: each assessor's
   * scores of a unit are added up first and the totals are combined (a judge's whole mark is dropped).
   */
  over: z.enum(['item', 'assessor-total']).default('item'),
});

export const DeductionSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  fact: FactNameSchema,
  /** Points taken off the total per occurrence of the fact. */
  points: PositiveAmountSchema,
  /** At most this much in all. */
  max: PositiveAmountSchema.optional(),
});

export const VetoSchema = z.object({
  /** 一票否决 when a fact reaches a count, e.g. any accountability mark (责任追究). */
  when: z
    .array(z.object({ fact: FactNameSchema, atLeast: z.number().int().min(1).default(1) }))
    .max(20)
    .default([]),
  /** A leader of the leading group may record a veto against a unit, with a reason. */
  byLeaders: z.boolean().default(true),
});

export const EntrantSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  /** The unit that nominated this entrant (申报单位), for nomination quotas. */
  unit: IdSchema.optional(),
});

export const GroupSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  entrants: z.array(IdSchema).min(1).max(MAX_ENTRANTS),
});

export const AwardSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  /** How many: per group, or overall. */
  count: z.number().int().min(1).max(MAX_ENTRANTS).optional(),
  per: z.enum(['all', 'group']).default('all'),
  /** Only from this total up (a level such as 优质课 from 85). */
  minScore: AmountSchema.optional(),
  /** Every entrant still without an award (e.g. 优秀奖若干). */
  rest: z.boolean().default(false),
});

export const NominationSchema = z.object({
  /** At most this fraction of a unit's members may be nominated, rounded down: "1/4" or 0.25. */
  quota: z.union([z.string().regex(/^\d+\/[1-9]\d*$/, 'a fraction is written like "1/4"'), PositiveAmountSchema]),
  /** How many members (e.g. teachers) each nominating unit has. */
  members: z.record(IdSchema, z.number().int().min(0)),
});

/** Who approves the result for publication (审定): as a phase's approvers, without majority or office. */
export const ResultApproversSchema = z.union([
  z.enum(['head', 'head-and-deputies', 'leading-group']),
  z.object({ leaders: z.array(IdSchema).min(1).max(MAX_PANEL) }),
]);

/**
 * A periodic ranking notice (排名通报) while the campaign runs: units ranked by rates the campaign
 * computes, mailed to every unit and the leading group each Monday (week) or on the 1st (month).
 */
export const RankingNoticeSchema = z.object({
  every: z.enum(['week', 'month']),
  rankBy: z.array(z.enum(RATE_FACTS)).min(1).max(2).default(['on-time-rate', 'closure-rate']),
  /** Local time the notice goes out. */
  at: LocalTimeSchema.default('09:00'),
});

export const AssessmentSchema = z.object({
  title: z.string().min(1),
  /** Who is ranked; default every unit of the plan. */
  entrants: z.array(EntrantSchema).min(1).max(MAX_ENTRANTS).optional(),
  /** Assessors who are not leaders: judges (评委), an acceptance team (考核小组). */
  panel: z.array(PersonSchema).max(MAX_PANEL).default([]),
  /** When scores are taken: a phase of the plan, or dates. */
  window: z
    .union([z.object({ phase: IdSchema }), z.object({ start: LocalDateSchema, end: LocalDateSchema })])
    .optional(),
  items: z.array(AssessmentItemSchema).min(1).max(MAX_ITEMS),
  combine: CombineSchema.default({ method: 'mean', dropHighest: 0, dropLowest: 0, over: 'item' }),
  deductions: z.array(DeductionSchema).max(20).default([]),
  veto: VetoSchema.default({ when: [], byLeaders: true }),
  groups: z.array(GroupSchema).max(100).default([]),
  /** In the order they are given out: each tier takes the best-ranked entrants still without an award. */
  awards: z.array(AwardSchema).max(20).default([]),
  nomination: NominationSchema.optional(),
  /** Decimals of a published score; the total is computed exactly and rounded once. */
  decimals: z.number().int().min(0).max(4).default(2),
  rounding: z.enum(['half-up', 'half-even', 'down']).default('half-up'),
  /** Equal totals are ordered by these items' scores, in turn; still equal, they share a rank. */
  tieBreak: z.array(IdSchema).max(MAX_ITEMS).default([]),
  /** Entrants tied at the last place of a tier with a count: all get the award (default), or none. */
  tiesAtCutoff: z.enum(['all', 'none']).default('all'),
  /** Who approves the result before it is published; default the head and the deputies (组长、副组长). */
  approvers: ResultApproversSchema.default('head-and-deputies'),
  rankingNotices: RankingNoticeSchema.optional(),
});

export type Assessment = z.infer<typeof AssessmentSchema>;
export type AssessmentInput = z.input<typeof AssessmentSchema>;
export type AssessmentItem = z.infer<typeof AssessmentItemSchema>;
export type Award = z.infer<typeof AwardSchema>;
export type Deduction = z.infer<typeof DeductionSchema>;
export type Entrant = z.infer<typeof EntrantSchema>;
export type FactName = z.infer<typeof FactNameSchema>;
export type Combine = z.infer<typeof CombineSchema>;
export type RankingNotice = z.infer<typeof RankingNoticeSchema>;

/** A quota as a fraction of whole numbers: "1/4" → 1/4, 0.25 → 25/100 (no binary fraction in between). */
export function quotaOf(quota: string | number): { numerator: number; denominator: number } {
  if (typeof quota === 'string') {
    const [numerator = 0, denominator = 1] = quota.split('/').map(Number);
    return { numerator, denominator };
  }
  const [whole = '0', fraction = ''] = String(quota).split('.');
  const denominator = 10 ** fraction.length;
  return { numerator: Number(whole) * denominator + Number(fraction || 0), denominator };
}
