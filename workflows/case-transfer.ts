import { setHandler } from '@temporalio/workflow';
import { z } from 'zod';
import type { CaseEvent } from '../domain/cases/case-events';
import type { CaseCommand } from '../domain/cases/case-notices';
import { CASE_STATUSES, type Case, type CaseLedger } from '../domain/cases/case-schema';
import { IdSchema } from '../domain/plan/schema';
import { ledger as ledgerActivities } from './activity-proxies';
import { receiveCaseUpdate, type CaseEventResult, type ReceiveCaseInput } from '../contracts';
import { parseOrReject, reject } from './reject';
import type { LedgerHost } from './ledger-host';

/**
 * Transfer (移交) between units. A unit owns its cases, so a transfer moves the case, with its
 * whole history, out of this unit's workflow and into the receiving unit's, through an activity.
 * The case leaves this ledger before the activity starts, so no later event can change a case the
 * other unit is about to own; until the other unit confirms, it is kept "in transit" and still
 * counts for the tick-off. If the other unit refuses (or does not exist), the case comes back.
 */

// The receiving side trusts the shape only as far as it relies on it; the sender is our own activity.
const ReceivedCaseSchema = z.looseObject({
  id: IdSchema,
  title: z.string(),
  owningUnit: IdSchema,
  category: z.string(),
  fingerprint: z.string(),
  status: z.enum(CASE_STATUSES),
  dueAtMs: z.number(),
  priority: z.array(z.string()),
  escalations: z.array(z.unknown()),
  history: z.array(z.unknown()),
});
const ReceiveCaseInputSchema = z.object({
  transferId: z.string().min(1),
  fromUnit: IdSchema,
  case: ReceivedCaseSchema,
  commands: z.array(z.looseObject({ eventKey: z.string(), body: z.looseObject({ kind: z.string() }) })),
});

type Transfer = Extract<CaseEvent, { type: 'transfer' }>;

function failureOf(err: unknown): { type?: string; message?: string } {
  // Activity failures carry the receiving unit's refusal as their cause; `instanceof` is unreliable in the sandbox.
  const cause = (err as { cause?: { type?: unknown; message?: unknown } } | undefined)?.cause;
  return {
    type: typeof cause?.type === 'string' ? cause.type : undefined,
    message: typeof cause?.message === 'string' ? cause.message : undefined,
  };
}

export function transferHandlers(host: LedgerHost) {
  const { unit } = host;

  /** The ledger as the domain needs it to accept a transfer to `toUnit`. */
  function withTarget(ledger: CaseLedger, toUnit: string): CaseLedger {
    if (ledger.context.units.some((u) => u.id === toUnit)) return ledger;
    const units = [...ledger.context.units, { id: toUnit, name: toUnit }];
    return { ...ledger, context: { ...ledger.context, units } };
  }

  async function send(event: Transfer, moved: CaseLedger, commands: CaseCommand[]): Promise<CaseEventResult> {
    const before = host.state();
    const original = before.ledger.cases.find((c) => c.id === event.caseId)!;
    const outgoing = moved.cases.find((c) => c.id === event.caseId)!;
    const transferId = `${host.campaignId}:${unit.id}:${outgoing.id}:${outgoing.history.length}`;
    const remaining = before.ledger.cases.filter((c) => c.id !== event.caseId);
    host.apply(
      {
        ...before,
        ledger: { ...before.ledger, cases: remaining },
        inTransit: [...before.inTransit, { toUnit: event.toUnit, case: outgoing }],
      },
      [],
    );
    const settle = (back?: Case) => {
      const now = host.state();
      const inTransit = now.inTransit.filter((t) => t.case.id !== event.caseId);
      const cases = back ? [...now.ledger.cases, back] : now.ledger.cases;
      host.apply({ ...now, inTransit, ledger: { ...now.ledger, cases } }, []);
    };
    try {
      await ledgerActivities.transferCase({
        campaignId: host.campaignId,
        toUnit: event.toUnit,
        receive: { transferId, fromUnit: unit.id, case: outgoing, commands },
      });
    } catch (err) {
      const failure = failureOf(err);
      const why = failure.message ?? String(err);
      const entry = { atMs: host.now(), type: 'transfer-failed', by: 'system', detail: `→ ${event.toUnit}: ${why}` };
      settle({ ...original, history: [...original.history, entry] });
      return reject({
        code: failure.type ?? 'transfer_failed',
        message: `case ${original.id} stays with ${unit.id}: ${why}`,
      });
    }
    settle();
    return { caseId: event.caseId, status: 'transferred', unitId: event.toUnit };
  }

  const receiving = (raw: unknown) => {
    const state = host.state();
    if (state.ended) reject({ code: 'campaign_ended', message: 'the campaign has ended; its ledger is closed' });
    const input = parseOrReject(ReceiveCaseInputSchema, raw) as unknown as ReceiveCaseInput;
    const incoming = input.case;
    if (incoming.owningUnit !== unit.id) {
      reject({ code: 'wrong_unit', message: `case ${incoming.id} is addressed to ${incoming.owningUnit}` });
    }
    const held = state.ledger.cases.find((c) => c.id === incoming.id);
    // The same case again: a re-delivered transfer, already done.
    if (held !== undefined && held.fingerprint === incoming.fingerprint) return { input, again: true };
    if (held !== undefined) {
      reject({ code: 'case_id_taken', message: `${unit.id} already has a different case numbered ${incoming.id}` });
    }
    return { input, again: false };
  };
  setHandler(
    receiveCaseUpdate,
    (raw) => {
      const { input, again } = receiving(raw);
      if (!again) {
        const state = host.state();
        // The sender knew the receiving unit only by id; the notices name it as this unit knows itself.
        const commands = input.commands.map((c) => ({
          ...c,
          unitId: unit.id,
          body: { ...c.body, unitName: unit.name },
        }));
        host.apply({ ...state, ledger: { ...state.ledger, cases: [...state.ledger.cases, input.case] } }, commands);
      }
      return { caseId: input.case.id, status: input.case.status, unitId: unit.id };
    },
    { validator: (raw) => void receiving(raw) },
  );

  return { withTarget, send };
}
