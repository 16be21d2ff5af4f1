import { CommanderError } from 'commander';
import { ZodError } from 'zod';
import { FileRefusal } from '../activities/files/bounded-file';
import { ReportLimitError } from '../activities/reports/report-limits';
import { CodecConfigError } from '../codec/keyring';
import { MailConfigError } from '../config/mail-config';
import { WorkerConfigError } from '../config/worker-config';
import { StoreConfigError } from '../stores/store-config';
import { rejectionOf } from './update-rejection';
import { UNPROCESSED_UPDATE } from '../temporal-client/unprocessed-update-retry';
import { isAlreadyStarted, isGrpcServiceError, isWorkflowNotFound } from '../temporal-client/error-kinds';

/** Exit codes are part of the CLI's contract: scripts branch on them. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unreachable: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the user can act on: one sentence, an optional hint, an exit code and a stable type. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
    readonly type: string = exitCode === EXIT.usage ? 'usage' : 'failed',
  ) {
    super(message);
  }
}

export const usageError = (message: string, hint?: string): CliError => new CliError(message, EXIT.usage, hint);

/** Connection problems look different depending on where they surface; all of them mean "no server". */
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_CANCELLED = 1;

export function isUnreachable(error: unknown): boolean {
  if (isGrpcServiceError(error)) {
    const code = Number(error.code);
    return code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED;
  }
  if (error instanceof Error) {
    if (/failed to connect|connection refused|ECONNREFUSED|UNAVAILABLE/i.test(error.message)) return true;
    return error.cause !== undefined && error.cause !== error && isUnreachable(error.cause);
  }
  return false;
}

export function unreachable(address: string): CliError {
  return new CliError(
    `cannot reach Temporal at ${address}`,
    EXIT.unreachable,
    'start one with `campaign server`, or set TEMPORAL_ADDRESS',
    'unreachable',
  );
}

export function unknownCampaign(campaignId: string): CliError {
  return new CliError(
    `no campaign "${campaignId}"`,
    EXIT.failed,
    'see the campaigns there are with `campaign list`',
    'not_found',
  );
}

export interface ErrorContext {
  address?: string;
  campaignId?: string;
}

/**
 * Why a reachable server could not get a workflow to answer a query, or undefined for other errors:
 * its workflow task keeps failing, no worker polls its queue, or none answered in time. Either way Temporal itself is up,
 * so "cannot reach Temporal" would send the user the wrong way.
 */
function workflowSilence(error: unknown): string | undefined {
  const chain: unknown[] = [];
  for (let e = error; e instanceof Error && chain.length < 10; e = e.cause) chain.push(e);
  const messages = chain.map((e) => (e as Error).message);
  if (messages.some((m) => /Workflow Task in failed state/.test(m))) {
    return 'its workflow task keeps failing ("Workflow Task in failed state")';
  }
  if (messages.some((m) => /no poller seen for task queue/.test(m))) {
    return 'no worker polls its task queue ("no poller seen for task queue recently")';
  }
  const queried = messages.some((m) => /Failed to query Workflow/.test(m));
  // A deadline the client set can end the call as CANCELLED rather than DEADLINE_EXCEEDED.
  const timedOut = (e: unknown) =>
    isGrpcServiceError(e) && [GRPC_DEADLINE_EXCEEDED, GRPC_CANCELLED].includes(Number(e.code));
  if (queried && chain.some(timedOut)) {
    return 'no worker answered in time, or its workflow task keeps failing';
  }
  return undefined;
}

/** Turns anything thrown by a command into the one sentence the user sees. */
export function toCliError(error: unknown, context: ErrorContext = {}): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof CommanderError) return new CliError(error.message.replace(/^error: /, ''), EXIT.usage);
  if (error instanceof FileRefusal) return new CliError(error.message, EXIT.usage, error.hint, error.code);
  const rejection = rejectionOf(error);
  if (rejection?.type === UNPROCESSED_UPDATE) {
    // The server's own wording blames an old SDK; here it means no worker answered, even after resends.
    return new CliError(
      'no worker answered the request, even when it was sent again; nothing was recorded',
      EXIT.failed,
      'check that a worker is running (`campaign worker`) and not overloaded, then send it again',
      'unprocessed',
    );
  }
  if (rejection) {
    // A malformed payload is the caller's fault; anything else is the campaign refusing.
    return new CliError(rejection.message, EXIT.failed, undefined, rejection.type);
  }
  if (isWorkflowNotFound(error)) return unknownCampaign(context.campaignId ?? error.workflowId);
  if (isAlreadyStarted(error)) {
    return new CliError(
      `a campaign with id "${context.campaignId ?? error.workflowId}" already exists`,
      EXIT.failed,
      'start it under another id with --id, or look at it with `campaign status ID`',
      'already_started',
    );
  }
  const silence = workflowSilence(error);
  if (silence) {
    const campaign = context.campaignId ?? 'ID';
    return new CliError(
      `the workflow did not answer: ${silence}`,
      EXIT.failed,
      `check that a worker runs (\`campaign worker\`) and read its log; after a nondeterminism error, run \`campaign repair ${campaign}\`; meanwhile \`campaign glance ${campaign}\` shows what the campaign last published`,
      'no_answer',
    );
  }
  if (isUnreachable(error)) return unreachable(context.address ?? 'the configured address');
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return usageError(`${where}${issue?.message ?? 'invalid input'}`);
  }
  if (error instanceof ReportLimitError) {
    return new CliError(error.message, EXIT.failed, 'send a smaller file, or split it', error.error.code);
  }
  if (error instanceof MailConfigError) return usageError(error.message, 'fix the variable in your environment');
  if (error instanceof WorkerConfigError) return usageError(error.message, 'fix the variable in your environment');
  if (error instanceof StoreConfigError) return usageError(error.message, 'fix the variable in your environment');
  if (error instanceof CodecConfigError) {
    return usageError(error.message, 'see "Encryption keys" in docs/operations.md');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(message, EXIT.failed, 'run again with --debug to see where it failed', 'internal');
}
