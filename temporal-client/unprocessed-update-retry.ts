import type {
  Next,
  WorkflowClientInterceptor,
  WorkflowStartUpdateInput,
  WorkflowStartUpdateOutput,
} from '@temporalio/client';

/** The failure type the server gives an update that a workflow task carried but left unanswered. */
export const UNPROCESSED_UPDATE = 'UnprocessedUpdate';

export interface UnprocessedUpdateRetryOptions {
  /** Sends after the first; the default of 4 rides out a few seconds of an overloaded worker. */
  retries?: number;
  /** Pause before the first resend, doubled before each next one. */
  firstDelayMs?: number;
}

/**
 * Sends an update again when the server answers that no worker processed it. The server answers so
 * when a workflow task carried the update and was completed without accepting or rejecting it; on a
 * loaded two-core CI machine it happened to one report in a 200-unit test run, most likely the SDK
 * fault of client/repair/wedge.ts seen from another side. The server records nothing for such an
 * update (no event, no result to poll): the history never applied it, and sending it again under
 * the same id is safe; the caller then gets the workflow's own answer, a receipt or a refusal naming
 * the rule, instead of a server-internal message that reads as if the worker could not take updates.
 */
export function unprocessedUpdateRetry(options: UnprocessedUpdateRetryOptions = {}): WorkflowClientInterceptor {
  const retries = options.retries ?? 4;
  const firstDelayMs = options.firstDelayMs ?? 250;
  return {
    async startUpdate(
      input: WorkflowStartUpdateInput,
      next: Next<WorkflowClientInterceptor, 'startUpdate'>,
    ): Promise<WorkflowStartUpdateOutput> {
      for (let attempt = 0; ; attempt++) {
        const output = await next(input);
        if (!leftUnprocessed(output) || attempt >= retries) return output;
        await new Promise((resolve) => setTimeout(resolve, firstDelayMs * 2 ** attempt));
      }
    },
  };
}

function leftUnprocessed(output: WorkflowStartUpdateOutput): boolean {
  const failure = output.outcome?.failure;
  return failure?.source === 'Server' && failure.applicationFailureInfo?.type === UNPROCESSED_UPDATE;
}
