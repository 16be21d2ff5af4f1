import { z } from 'zod';
import { IdSchema, LocalDateSchema } from '../domain/plan/schema';
import { DueInputSchema } from '../contracts';
import { usageError } from './errors';

/**
 * Arguments are checked with zod before anything is sent, so a typo is a usage error (exit 2)
 * naming the option, not a rejection from the campaign.
 */
export function parseArg<S extends z.ZodType>(schema: S, value: unknown, option: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String) ?? [];
  // For a whole options object the first key is the option itself: rehearsalDay → --rehearsal-day.
  const where =
    path.length === 0
      ? option
      : option === 'options'
        ? `--${path[0]?.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
        : `${option}.${path.join('.')}`;
  const message =
    issue?.code === 'invalid_type' && issue.input === undefined ? 'is missing' : (issue?.message ?? 'invalid value');
  throw usageError(`${where}: ${message}`);
}

export const idArg = (value: unknown, option: string): string => parseArg(IdSchema, value, option);
export const dateArg = (value: unknown, option: string): string => parseArg(LocalDateSchema, value, option);
export const dueArg = (value: unknown, option: string): string => {
  if (DueInputSchema.safeParse(value).success) return value as string;
  throw usageError(`${option}: write a date as YYYY-MM-DD, or an ISO time like 2026-04-20T18:00:00+08:00`);
};

export const PositiveNumberSchema = z.coerce.number().positive('must be a number greater than 0').finite();

/** "a,b, c" → ["a", "b", "c"], each a valid id. */
export function idListArg(value: string, option: string): string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) throw usageError(`${option}: name at least one id`);
  return ids.map((id) => idArg(id, option));
}

/** Commander's collector for repeatable options (`--file a --file b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
