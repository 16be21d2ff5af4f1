import { z } from 'zod';
import { IdSchema } from '../plan/schema';
import { CaseDeadlineSchema, CaseFilingSchema, CaseLeaderSchema } from './case-schema';

/**
 * What can happen to a case. Events arrive through workflow signals and updates, i.e. from outside,
 * so the ledger parses them again instead of trusting the TypeScript type. `by` names who acted; it
 * goes into the case history, which is the record the office reconciles against (逐件对账).
 */

const Text = z.string().trim().min(1);
const Actor = { by: Text };
const CaseRef = { caseId: IdSchema, ...Actor };

export const CaseEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('file'), filing: CaseFilingSchema, ...Actor }),
  /** A progress note, e.g. the talk record (谈话记录) of hearing the petitioner again. */
  z.object({
    type: z.literal('note'),
    ...CaseRef,
    text: Text,
    kind: z.enum(['talk-record', 'investigation', 'stability', 'progress']).default('progress'),
  }),
  z.object({
    type: z.literal('transfer'),
    ...CaseRef,
    toUnit: IdSchema,
    reason: Text,
    handler: Text.optional(),
    stabilityOfficer: Text.optional(),
  }),
  /** 合力攻坚: a complex case goes up to a higher leader, who joins the case-owning leader. */
  z.object({ type: z.literal('escalate'), ...CaseRef, toLeader: CaseLeaderSchema, reason: Text }),
  z.object({ type: z.literal('extend'), ...CaseRef, deadline: CaseDeadlineSchema, reason: Text }),
  /** The report is checked by the closure standard, which names every missing part. */
  z.object({ type: z.literal('submitClosure'), ...CaseRef, report: z.unknown() }),
  /** 销号: the office accepts the closure. */
  z.object({ type: z.literal('accept'), ...CaseRef }),
  z.object({
    type: z.literal('return'),
    ...CaseRef,
    reasons: z.array(Text).min(1),
    deadline: CaseDeadlineSchema.optional(),
  }),
  /** 下一步工作措施 for a case not closed by the summary phase. */
  z.object({ type: z.literal('nextSteps'), ...CaseRef, text: Text }),
]);

export type CaseEvent = z.infer<typeof CaseEventSchema>;
export type CaseEventInput = z.input<typeof CaseEventSchema>;
export type CaseEventType = CaseEvent['type'];
