import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
import type { z } from 'zod';
import type { Action } from '../domain/access/permissions';
import type { AccessGate } from './access-gate';
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
 * An update that needs a credential: the gate decides who is acting (and records refused
 * attempts), then the same acceptance test runs on the payload as the gate passes it on, `by`
 * being the credential's principal. The credential is spent only when the update is applied.
 */
export function setGuardedUpdate<Ret, Arg, Req>(
  update: UpdateDefinition<Ret, [Arg]>,
  gate: AccessGate,
  action: Action | ((raw: unknown) => Action),
  accept: (raw: unknown) => Req,
  apply: (request: Req) => Ret | Promise<Ret>,
): void {
  const actionOf = (raw: unknown) => (typeof action === 'function' ? action(raw) : action);
  setHandler(
    update,
    (raw) => {
      const { payload, commit } = gate.enforce(raw, actionOf(raw));
      const request = accept(payload);
      commit();
      return apply(request);
    },
    {
      validator: (raw) => {
        const payload = gate.screen(raw, actionOf(raw));
        if (payload !== undefined) accept(payload);
      },
    },
  );
}
