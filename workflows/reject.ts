import { ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';

/**
 * Update validators reject by throwing. Only an ApplicationFailure fails an update cleanly; any
 * other error would fail the workflow task and be retried forever, so every path goes through here.
 */
export function reject(error: { code: string; message: string }): never {
  throw ApplicationFailure.nonRetryable(error.message, error.code);
}

export function parseOrReject<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const path = first && first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : '';
  throw ApplicationFailure.nonRetryable(
    `${path}${first?.message ?? 'invalid input'}`,
    'InvalidInput',
    parsed.error.issues,
  );
}
