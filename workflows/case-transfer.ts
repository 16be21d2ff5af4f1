import { setHandler } from '@temporalio/workflow';
import type { CaseEvent } from '../domain/cases/case-events';
import type { CaseCommand } from '../domain/cases/case-notices';
import type { CaseLedger } from '../domain/cases/case-schema';
import { checkReceiveCase, receiveCase, sendCase, transferDone, transferFailed } from '../domain/unit/case-transfer';
import { ledger as ledgerActivities } from './activity-proxies';
import { receiveCaseUpdate, ReceiveCaseInputSchema, type CaseEventResult, type ReceiveCaseInput } from '../contracts';
import { parseOrReject, reject } from './reject';
import type { LedgerHost } from './ledger-host';

/**
 * Transfer (移交) between units: the rules are in domain/unit/case-transfer.ts; here the case
 * travels to the receiving unit's workflow through an activity, and the answer settles it.
 */

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

  async function send(event: Transfer, moved: CaseLedger, commands: CaseCommand[]): Promise<CaseEventResult> {
    const original = host.state().ledger.cases.find((c) => c.id === event.caseId)!;
    const outgoing = moved.cases.find((c) => c.id === event.caseId)!;
    const sent = sendCase(host.state(), host.campaignId, outgoing, event.toUnit);
    host.apply(sent.state, []);
    try {
      await ledgerActivities.transferCase({
        campaignId: host.campaignId,
        toUnit: event.toUnit,
        receive: { transferId: sent.transferId, fromUnit: unit.id, case: outgoing, commands },
      });
    } catch (err) {
      const failure = failureOf(err);
      const why = failure.message ?? String(err);
      host.apply(transferFailed(host.state(), original, event.toUnit, why, host.now()), []);
      return reject({
        code: failure.type ?? 'transfer_failed',
        message: `case ${original.id} stays with ${unit.id}: ${why}`,
      });
    }
    host.apply(transferDone(host.state(), event.caseId), []);
    return { caseId: event.caseId, status: 'transferred', unitId: event.toUnit };
  }

  const receiving = (raw: unknown) => {
    const input = parseOrReject(ReceiveCaseInputSchema, raw) as unknown as ReceiveCaseInput;
    const check = checkReceiveCase(host.state(), input.case);
    if (!check.ok) return reject(check.error);
    return { input, again: check.value.again };
  };
  setHandler(
    receiveCaseUpdate,
    (raw) => {
      const { input, again } = receiving(raw);
      if (!again) {
        const received = receiveCase(host.state(), input.case, input.commands);
        host.apply(received.state, received.commands);
      }
      return { caseId: input.case.id, status: input.case.status, unitId: unit.id };
    },
    { validator: (raw) => void receiving(raw) },
  );

  return { send };
}
