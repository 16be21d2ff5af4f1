import { z } from 'zod';
import { IdSchema } from '../plan/schema';

/**
 * Who may hold a credential in a campaign: the office (领导小组办公室), a member of the leading
 * group, or a unit. Written `office`, `leader:<id>`, `unit:<id>`, as in `--as` and case histories.
 */
export const PrincipalSchema = z.union([
  z.literal('office'),
  z.templateLiteral(['leader:', IdSchema]),
  z.templateLiteral(['unit:', IdSchema]),
]);
export type Principal = z.infer<typeof PrincipalSchema>;

export const isPrincipal = (value: unknown): value is Principal => PrincipalSchema.safeParse(value).success;
