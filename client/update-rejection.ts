import { isApplicationFailure, isUpdateFailed } from '../temporal-client/error-kinds';

export interface Rejection {
  /** The rule that refused, e.g. "duplicate_submission" or "InvalidInput". */
  type: string;
  message: string;
}

/** The campaign's reason for refusing an update, or undefined when the error is something else. */
export function rejectionOf(error: unknown): Rejection | undefined {
  if (!isUpdateFailed(error)) return undefined;
  const cause = error.cause as Error | undefined;
  if (isApplicationFailure(cause)) return { type: cause.type ?? 'Rejected', message: cause.message };
  return { type: 'Rejected', message: cause?.message ?? error.message };
}

/** Resolves with the rejection of an update that is expected to be refused; rejects if it was accepted. */
export async function expectRejection(update: Promise<unknown>): Promise<Rejection> {
  try {
    await update;
  } catch (error) {
    const rejection = rejectionOf(error);
    if (rejection) return rejection;
    throw error;
  }
  throw new Error('the update was accepted, but a rejection was expected');
}
