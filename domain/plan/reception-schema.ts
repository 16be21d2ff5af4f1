import { z } from 'zod';
import { DurationSchema, IdSchema, LocalDateSchema, LocalTimeSchema } from './primitives';

/**
 * Leader reception days (领导接访日) as data: 004 "每月1日、16日为领导接待日，遇节假日顺延" with a
 * published rota "定时间、定地点、定领导", and 001 第五篇's weekly pattern (书记、镇长每周一天,
 * 其他工作日一名班子成员, 村支书、主任每周一). A plan holds any number of programmes; the dates
 * each one yields are computed in domain/receptions/, the cross-field checks are in
 * check-receptions.ts.
 */

export const ReceptionRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('days-of-month'),
    /**
     * Days of every month, e.g. [1, 16]. A day a month lacks (31 in April, 30 in February) is
     * moved to that month's last day, and the plan check warns about it: a programme that
     * promises "每月31日" must not leave visitors without a reception in short months.
     */
    days: z.array(z.number().int().min(1).max(31)).min(1).max(31),
  }),
  z.object({
    kind: z.literal('weekdays'),
    /** ISO weekdays: 1 Monday … 7 Sunday, e.g. [1] for 每周一. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  }),
  z.object({
    kind: z.literal('working-days'),
    /** 1: every working day (每个工作日); 2: every other working day, counted from the programme's first. */
    every: z.number().int().min(1).max(10).default(1),
  }),
]);

export const ReceiverSchema = z.union([
  /** A leader of the plan (leading group head, deputy or member), by id. */
  IdSchema,
  /** A unit's head (e.g. a village's 支部书记) receives at the unit: 001's "各村…每周一在所辖村办公室接访". */
  z.object({ unitHead: IdSchema }),
]);

export const RotaSchema = z.union([
  /** The same receiver every time. */
  z.object({ leader: ReceiverSchema }),
  /** 004's table: which leader receives in which month (1–12, every year of the programme). */
  z.object({
    byMonth: z
      .array(z.object({ month: z.number().int().min(1).max(12), leader: ReceiverSchema }))
      .min(1)
      .max(12),
    /** Months the table leaves out take this receiver; without it such a month is an error. */
    otherwise: ReceiverSchema.optional(),
  }),
  /** Named dates (the scheduled date, before postponement); dates not listed take `otherwise`. */
  z.object({
    byDate: z
      .array(z.object({ date: LocalDateSchema, leader: ReceiverSchema }))
      .min(1)
      .max(1000),
    otherwise: ReceiverSchema.optional(),
  }),
  /** In turn from a list: the n-th reception of the programme goes to list[n mod length]. */
  z.object({ inTurn: z.array(ReceiverSchema).min(1).max(100) }),
  /** Every listed unit's head receives at once, each at their own unit (all units when omitted). */
  z.object({ unitHeads: z.union([z.literal('all'), z.array(IdSchema).min(1)]) }),
]);

export const ReceptionProgrammeSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  /** 接访 (visitors come) or 下访 (the leader goes out to a unit). */
  type: z.enum(['reception', 'outreach']).default('reception'),
  /** The programme runs from `from` to `to`, both included. */
  from: LocalDateSchema,
  to: LocalDateSchema,
  rule: ReceptionRuleSchema,
  /**
   * A scheduled day that is not a working day under the plan's calendar (weekend, 法定节假日):
   * `postpone` moves it to the next working day (遇节假日顺延, make-up workdays count as working
   * days), `skip` drops it, `keep` receives anyway.
   */
  onDayOff: z.enum(['postpone', 'skip', 'keep']).default('postpone'),
  place: z.string().min(1).max(200),
  hours: z
    .object({ start: LocalTimeSchema, end: LocalTimeSchema })
    .refine((h) => h.start < h.end, { message: 'hours end after they start', path: ['end'] }),
  rota: RotaSchema,
  /** When the receiver is told in advance, e.g. the day before at 16:00 and the morning of the day. */
  notice: z
    .array(z.object({ before: DurationSchema, at: LocalTimeSchema }))
    .max(5)
    .default([
      { before: '1d', at: '16:00' },
      { before: '0d', at: '08:00' },
    ]),
  /** 补位: the leaders who may stand in for the rostered one; any leader of the plan when omitted. */
  substitutes: z.array(IdSchema).max(100).optional(),
  /** 首访首问负责、包案: a matter handed over becomes a case owned by the receiving leader. */
  receiverOwnsCases: z.boolean().default(true),
  /** Who gets the weekly summary and the monthly notice (每周汇总, 每月通报). */
  summariesTo: z
    .array(z.union([z.enum(['office', 'leading-group']), z.object({ leader: IdSchema })]))
    .min(1)
    .default(['office', 'leading-group']),
});

export const ReceptionsSchema = z.array(ReceptionProgrammeSchema).max(50);

export type ReceptionRule = z.infer<typeof ReceptionRuleSchema>;
export type Receiver = z.infer<typeof ReceiverSchema>;
export type Rota = z.infer<typeof RotaSchema>;
export type ReceptionProgramme = z.infer<typeof ReceptionProgrammeSchema>;
