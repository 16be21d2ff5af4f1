import { z } from 'zod';
import { AssessmentResultSchema, EntrantResultSchema } from '../domain/assessment/result-schema';
import { AssessmentFactsSchema } from '../domain/assessment/facts';
import { ScoreInputSchema } from '../domain/assessment/scoring-session';

/**
 * The campaign service's assessment routes (考核评比): an assessor sends scores, the leaders and
 * the office follow the standing and the result, a leader approves it, a unit reads its own line
 * once published. The scores are checked again by the assessment workflow under the holder's
 * credential; `by` is always the session's holder.
 */

export const ScoresBodySchema = z.object({ scores: z.array(ScoreInputSchema).min(1).max(1_000) });

export const ScoresReceiptSchema = z.object({ recorded: z.number().int(), replacing: z.number().int() });

export const AssessmentStandingSchema = z.object({
  stage: z.enum(['scoring', 'computed', 'published']),
  scoresRecorded: z.number().int(),
  owing: z.array(z.object({ assessor: z.string(), missing: z.number().int() })),
  approvedBy: z.string().optional(),
  approvedByName: z.string().optional(),
  files: z.array(z.object({ name: z.string(), ref: z.string(), mediaType: z.string() })).optional(),
});

export const AssessmentViewSchema = z.object({
  standing: AssessmentStandingSchema,
  result: AssessmentResultSchema.optional(),
});

export const UnitAssessmentSchema = EntrantResultSchema;
/** A unit's own line and those of the entrants it nominated (申报单位), in ranking order. */
export const UnitLinesSchema = z.array(EntrantResultSchema);

/** Closing scoring: the office's facts per unit (replacing the campaign's) and leaders' vetoes with reasons. */
export const CloseBodySchema = z.object({ facts: AssessmentFactsSchema.optional() });
