import { z } from 'zod';
import { MAX_PERIODS } from '../../domain/receptions/period-summaries';

/**
 * The reception programmes (领导接访日) as the campaign report shows them: each programme's
 * weekly and monthly counts (每周汇总、每月通报) as its workflow answers them. Bounded: a report
 * names at most 20 programmes and a year of periods each.
 */

const Count = z.number().int().nonnegative();

export const PeriodCountsSchema = z.object({
  from: z.string(),
  to: z.string(),
  scheduled: Count,
  held: Count,
  missed: Count,
  substituted: Count,
  suspended: Count.default(0),
  visitors: Count,
  answeredOnSpot: Count,
  handedOver: Count,
  casesFiled: Count,
});

export const ReceptionReportSchema = z.object({
  programmeId: z.string(),
  programmeName: z.string(),
  total: PeriodCountsSchema,
  weeks: z.array(PeriodCountsSchema).max(MAX_PERIODS),
  months: z.array(PeriodCountsSchema).max(MAX_PERIODS),
});

export const ReceptionReportsSchema = z.array(ReceptionReportSchema).max(20).default([]);
export type ReceptionReport = z.infer<typeof ReceptionReportSchema>;
