import { z } from 'zod';
import { LocalDateSchema } from '../domain/plan/schema';

/** Who performs an action: `unit:<id>`, `leader:<id>`, `office`, or a person's name. */
export const ActorSchema = z.string().trim().min(1, 'say who performs the action (--as)').max(100);

/** A due date from a person: a local date (the plan's default due time applies) or an exact ISO time. */
export const DueInputSchema = z.union([LocalDateSchema, z.iso.datetime({ offset: true })]);

export const ActorInputSchema = z.object({ by: ActorSchema });
export type ActorInput = z.infer<typeof ActorInputSchema>;

/**
 * Status queries answer as of the caller's clock. Inside a query, workflow time stands at the
 * workflow's last activation, which for a campaign sleeping until its next deadline can be days
 * ago; the caller's real time, mapped through the plan clock, is the moment it is asking about.
 */
export interface AsOf {
  realNowMs: number;
}
/** Called by clients only: workflow code takes its time from the workflow clock. */
export const asOfNow = (): AsOf => ({ realNowMs: Date.now() });

/**
 * The most one message may carry, in JSON characters: Temporal warns at 512 KB per payload and
 * refuses 2 MB. A rejected update never reaches history, so refusing here keeps history small
 * however large the payload a client sends.
 */
export const MAX_MESSAGE_CHARS = 512 * 1024;
