import type { z } from 'zod';
import { ServiceError } from './http-errors';

/**
 * Parses a request part with its contract schema; a failure is a 400 that names the field
 * (`body.units.0`, `query.format`) and says what is wrong with it.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = [where, ...(issue?.path.map(String) ?? [])].join('.');
  const missing = issue?.code === 'invalid_type' && issue.input === undefined;
  throw new ServiceError(
    400,
    'invalid_request',
    `${field}: ${missing ? 'is missing' : (issue?.message ?? 'is invalid')}`,
    field,
  );
}
