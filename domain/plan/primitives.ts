import { z } from 'zod';
import { isDuration } from './duration';
import { PLAN_LIMITS as LIMIT, lineOf, textOf } from './plan-limits';

/**
 * The smallest pieces of the plan schema, shared by schema.ts and the sections kept in files of
 * their own (which schema.ts joins, so they cannot import it back).
 */

export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'an id uses letters, digits, ".", "_" or "-" (at most 64)');

export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine((text) => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const probe = new Date(Date.UTC(y, m - 1, d));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
  }, 'no such day in the calendar');

export const EmailSchema = z.email().max(LIMIT.email);

export const PersonSchema = z.object({
  id: IdSchema,
  name: lineOf(LIMIT.name),
  title: textOf(LIMIT.name).optional(),
  email: EmailSchema,
});

export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is written HH:MM (24-hour)');

export const DurationSchema = z
  .string()
  .refine(isDuration, 'a duration is written like "2d", "1w", "12h", "1d12h" or "30m"');
