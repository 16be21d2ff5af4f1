import { z } from 'zod';
import { IdSchema } from '../plan/schema';

/**
 * Who may hold a credential in a campaign: the office (领导小组办公室), a member of the leading
 * group, a unit, or an assessor of the plan's panel (评委, 考核小组) who is not a leader. Written
 * `office`, `leader:<id>`, `unit:<id>`, `assessor:<id>`, as in `--as` and case histories.
 */
export const PrincipalSchema = z.union([
  z.literal('office'),
  z.templateLiteral(['leader:', IdSchema]),
  z.templateLiteral(['unit:', IdSchema]),
  z.templateLiteral(['assessor:', IdSchema]),
]);
export type Principal = z.infer<typeof PrincipalSchema>;

export const isPrincipal = (value: unknown): value is Principal => PrincipalSchema.safeParse(value).success;
