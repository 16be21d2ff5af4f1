import type { FastifyReply } from 'fastify';
import { EXIT, toCliError } from '../../client/errors';
import { rejectionOf } from '../../client/update-rejection';

/**
 * One error shape for the whole API, `{ error: { code, message, field? } }`, and one mapping from
 * what the shared functions throw to an HTTP status (the CLI maps the same errors to exit codes).
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string; hint?: string };
}

const ACCESS_REFUSALS = new Set(['not_authorized', 'credential_missing', 'credential_invalid', 'credential_used_up']);
// The campaign could not take the message as sent: its shape, not the campaign's state.
const UNPROCESSABLE = new Set(['InvalidInput', 'payload_too_large', 'invalid_report', 'invalid_ledger']);
const STATUS_OF_TYPE: Record<string, number> = {
  usage: 400,
  not_found: 404,
  unknown_unit: 404,
  not_published: 404,
  unreachable: 503,
  no_answer: 503,
  unprocessed: 503,
  internal: 500,
  invalid_ledger: 422,
  file_too_large: 413,
  submission_too_large: 413,
  media_type_not_allowed: 415,
};

/** The status and body for anything a route throws. */
export function httpErrorOf(error: unknown, campaignId?: string): { status: number; body: ErrorBody } {
  if (error instanceof ServiceError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } },
    };
  }
  const rejection = rejectionOf(error);
  const cli = toCliError(error, { campaignId });
  // A sentence from a shared function that is neither usage nor a crash: the campaign's state refused it.
  let status = STATUS_OF_TYPE[cli.type] ?? (cli.exitCode === EXIT.usage ? 400 : 409);
  if (rejection !== undefined && cli.type === rejection.type) {
    // Refused by the campaign: its reason, as it gave it.
    status = ACCESS_REFUSALS.has(rejection.type) ? 403 : UNPROCESSABLE.has(rejection.type) ? 422 : 409;
  }
  const hint = cli.hint && status !== 500 ? { hint: cli.hint } : {};
  const message = status === 500 ? 'the service failed on this request; its log says why' : cli.message;
  return { status, body: { error: { code: cli.type, message, ...hint } } };
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, field?: string) {
  const body: ErrorBody = { error: { code, message, ...(field ? { field } : {}) } };
  return reply.code(status).send(body);
}
