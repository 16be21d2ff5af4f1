/**
 * The Temporal SDK's errors, told apart without loading the SDK. The CLI loads `@temporalio/client`
 * only when a command talks to the server (it is most of a small command's start-up), so deciding
 * what an error means must not load it. The SDK stamps every error class's prototype with its
 * name (its `SymbolBasedInstanceOfError` decorator) for the same reason `instanceof` would be
 * used: the name holds across copies of the package, and it is what these checks compare.
 */

function named(error: unknown, name: string): error is Error {
  return error instanceof Error && error.name === name;
}

export function isWorkflowNotFound(error: unknown): error is Error & { workflowId: string } {
  return named(error, 'WorkflowNotFoundError');
}

export function isAlreadyStarted(error: unknown): error is Error & { workflowId: string } {
  return named(error, 'WorkflowExecutionAlreadyStartedError');
}

export function isUpdateFailed(error: unknown): error is Error {
  return named(error, 'WorkflowUpdateFailedError');
}

export function isApplicationFailure(error: unknown): error is Error & { type?: string | null } {
  return named(error, 'ApplicationFailure');
}

/** A gRPC call's failure, by the shape the SDK itself checks (`isGrpcServiceError`). */
export function isGrpcServiceError(error: unknown): error is Error & { code?: number; details: string } {
  const candidate = error as { details?: unknown; metadata?: unknown } | undefined;
  return (
    error instanceof Error &&
    typeof candidate?.details === 'string' &&
    typeof candidate.metadata === 'object' &&
    candidate.metadata !== null
  );
}
