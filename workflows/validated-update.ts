import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
import type { z } from 'zod';
import { parseOrReject, reject } from './reject';

type Check = { ok: true } | { ok: false; error: { code: string; message: string } };

/**
 * Builds the acceptance test of an update: parse the payload with its schema, turn it into the
 * request the domain needs, and ask the domain whether it is acceptable now. A refusal rejects the
 * update (never the workflow task) with the domain's code and sentence.
 */
export function accepting<S extends z.ZodType, Req = z.infer<S>>(
  schema: S,
  check: (request: Req) => Check,
  prepare: (parsed: z.infer<S>) => Req = (parsed) => parsed as Req,
): (raw: unknown) => Req {
  return (raw) => {
    const request = prepare(parseOrReject(schema, raw));
    const verdict = check(request);
    if (!verdict.ok) reject(verdict.error);
    return request;
  };
}

/**
 * Registers an update whose validator and handler run the same acceptance test. They run in the
 * same activation against the same state, so what the validator accepts the handler applies.
 */
export function setValidatedUpdate<Ret, Arg, Req>(
  update: UpdateDefinition<Ret, [Arg]>,
  accept: (raw: unknown) => Req,
  apply: (request: Req) => Ret,
): void {
  setHandler(update, (raw) => apply(accept(raw)), { validator: (raw) => void accept(raw) });
}
