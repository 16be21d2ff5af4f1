import { z } from 'zod';

/**
 * An assessment's result as it is published: every score as exact decimal text ("9.15", never a
 * binary float), every entrant's breakdown (each item, each assessor, what was dropped, what was
 * deducted, the vetoes and why), the award lists and the veto list. The CLI prints it, the
 * campaign keeps it, a unit is shown its own line of it.
 */

const Score = z.string().regex(/^-?\d+(\.\d+)?$/);

export const ScoreIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  row: z.number().int().optional(),
  message: z.string(),
});

export const ItemLineSchema = z.object({
  item: z.string(),
  name: z.string(),
  score: Score,
  /** What the item adds to the total (its score, or its weighted share). */
  contribution: Score,
  assessors: z.array(
    z.object({
      assessor: z.string(),
      name: z.string(),
      score: Score,
      dropped: z.enum(['highest', 'lowest']).optional(),
    }),
  ),
  fact: z.object({ fact: z.string(), name: z.string(), value: Score }).optional(),
});

export const EntrantResultSchema = z.object({
  rank: z.number().int().min(1),
  entrant: z.string(),
  name: z.string(),
  group: z.string().optional(),
  items: z.array(ItemLineSchema),
  subtotal: Score,
  deductions: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int(), points: Score })),
  total: Score,
  vetoes: z.array(z.string()),
  award: z.object({ id: z.string(), name: z.string() }).optional(),
});

export const AssessmentResultSchema = z.object({
  title: z.string(),
  decimals: z.number().int(),
  maxTotal: Score,
  ranking: z.array(EntrantResultSchema),
  awards: z.array(z.object({ id: z.string(), name: z.string(), entrants: z.array(z.string()) })),
  vetoed: z.array(z.object({ entrant: z.string(), name: z.string(), reasons: z.array(z.string()) })),
  warnings: z.array(ScoreIssueSchema),
});

export type ItemLine = z.infer<typeof ItemLineSchema>;
export type EntrantResult = z.infer<typeof EntrantResultSchema>;
export type AssessmentResult = z.infer<typeof AssessmentResultSchema>;
