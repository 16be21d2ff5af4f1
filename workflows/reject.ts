import { ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';
import { MAX_MESSAGE_CHARS } from '../contracts/common';

/**
 * Update validators reject by throwing. Only an ApplicationFailure fails an update cleanly; any
 * other error would fail the workflow task and be retried forever, so every path goes through here.
 */
export function reject(error: { code: string; message: string }): never {
  throw ApplicationFailure.nonRetryable(error.message, error.code);
}

function jsonLength(input: unknown): number {
  try {
    return JSON.stringify(input)?.length ?? 0;
  } catch {
    return 0; // Not JSON at all; the schema says what is wrong with it.
  }
}

export function parseOrReject<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const size = jsonLength(input);
  if (size > MAX_MESSAGE_CHARS) {
    reject({
      code: 'payload_too_large',
      message: `the message holds ${Math.ceil(size / 1024)} KB; one message may carry at most ${MAX_MESSAGE_CHARS / 1024} KB (send attachments as files, large ledgers as an import)`,
    });
  }
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
