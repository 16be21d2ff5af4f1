import { z } from 'zod';
import { IdSchema, LocalDateSchema } from '../domain/plan/primitives';
import { ROTA_HEADERS } from '../domain/receptions/rota-view';

import { RecordReceptionBodySchema, SubstituteBodySchema } from '../domain/receptions/register-schema';

export { RecordReceptionBodySchema, SubstituteBodySchema };

/**
 * The campaign service's reception routes (领导接访日): leaders and the office follow the rota as
 * posted (公示, with substitutes), the leader on duty records the day, a leader names a substitute.
 * Visitors' names and matters stay in the register (the CLI and the campaign report); the rota
 * carries counts only. `by` is always the session's holder.
 */

export const ProgrammeParamsSchema = z.object({ campaignId: IdSchema, programmeId: IdSchema });

export const ReceptionRangeQuerySchema = z.object({
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
});

export const ReceptionStatusSchema = z.enum(['upcoming', 'today', 'held', 'missed', 'open', 'paused']);

export const ReceptionRowSchema = z.object({
  id: z.string(),
  date: z.string(),
  status: ReceptionStatusSchema,
  /** The posted columns, in the order of `headers`. */
  cells: z.array(z.string()),
  /** Who receives that day (after 补位), as `leader:<id>` when a plan leader. */
  onDuty: z.string().optional(),
  substituted: z.boolean(),
  visitors: z.number().int(),
  noVisitors: z.boolean(),
});

export const ReceptionsViewSchema = z.object({
  headers: z.array(z.string()),
  programmes: z.array(
    z.object({
      programmeId: z.string(),
      programmeName: z.string(),
      today: z.string(),
      paused: z.boolean(),
      receptions: z.array(ReceptionRowSchema),
      /** Who may stand in (补位). */
      leaders: z.array(z.object({ id: z.string(), name: z.string(), title: z.string().optional() })),
    }),
  ),
});

export const RecordReceiptSchema = z.object({
  receptionId: z.string(),
  date: z.string(),
  visitors: z.number().int(),
  cases: z.array(
    z.object({
      unitId: z.string(),
      caseId: z.string().optional(),
      error: z.string().optional(),
      held: z.boolean().optional(),
    }),
  ),
});

export const SubstitutionReceiptSchema = z.object({
  receptionId: z.string(),
  date: z.string(),
  leaderId: z.string(),
  name: z.string(),
  rosteredName: z.string(),
  reason: z.string(),
});

export type ReceptionsView = z.infer<typeof ReceptionsViewSchema>;
export type ReceptionRange = z.infer<typeof ReceptionRangeQuerySchema>;
export type RecordReceptionBody = z.infer<typeof RecordReceptionBodySchema>;
export type SubstituteBody = z.infer<typeof SubstituteBodySchema>;
export type ReceptionRow = z.infer<typeof ReceptionRowSchema>;
export const RECEPTION_HEADERS: readonly string[] = ROTA_HEADERS;
