import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { IdSchema } from '../domain/plan/schema';
import { ActorSchema } from './common';

/**
 * What the office or a supervision team found on a duty (督查, 暗查), sent to the campaign
 * workflow. A finding may carry a case, which the unit's ledger files like any other (its own
 * rules check it, see domain/campaign/duties.ts). Bounded: a visit's findings fit one update.
 */
const Text = (max: number) => z.string().trim().min(1).max(max);

export const FindingCaseSchema = z.object({
  title: Text(200),
  category: IdSchema,
  petitioner: z.object({ name: Text(100), contact: Text(200).optional() }).optional(),
  owningLeader: z.object({ name: Text(100), leaderId: IdSchema.optional() }),
  handler: Text(100),
  stabilityOfficer: Text(100).optional(),
  deadline: z.union([z.iso.date(), z.iso.datetime({ offset: true })]),
  requirements: Text(2000).optional(),
});

export const RecordFindingsInputSchema = z.object({
  phaseId: IdSchema,
  dutyId: IdSchema,
  by: ActorSchema,
  findings: z
    .array(z.object({ unitId: IdSchema, text: Text(2000), case: FindingCaseSchema.optional() }))
    .max(50, 'at most 50 findings in one record')
    .default([]),
  /** The duty is done (办结): no more findings are taken for it. */
  done: z.boolean().default(false),
});
export type RecordFindingsInput = z.input<typeof RecordFindingsInputSchema>;

export interface RecordFindingsResult {
  dutyId: string;
  recorded: number;
  done: boolean;
  /** Per finding with a case: the case the unit took, or why it refused it (kept on the finding). */
  cases: { unitId: string; caseId?: string; error?: string }[];
}

export const recordFindingsUpdate = defineUpdate<RecordFindingsResult, [RecordFindingsInput]>('recordFindings');
