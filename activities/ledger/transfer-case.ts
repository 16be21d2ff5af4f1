import { ApplicationFailure } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { receiveCaseUpdate, type CaseEventResult, unitWorkflowId } from '../../contracts';
import type { TransferCaseInput } from '../activity-types';

/**
 * Hands a case to another unit's workflow. The update id is the transfer id, and the receiving
 * unit also recognises a case it already holds, so a retry after a lost reply files nothing twice.
 * A refusal by the receiving unit (or a unit that does not exist) is final: retrying cannot change
 * it, and the sending unit takes the case back.
 */
export function createTransferCaseActivity(client: Client) {
  return async function transferCase(input: TransferCaseInput): Promise<CaseEventResult> {
    const handle = client.workflow.getHandle(unitWorkflowId(input.campaignId, input.toUnit));
    try {
      return await handle.executeUpdate(receiveCaseUpdate, {
        args: [input.receive],
        updateId: `transfer:${input.receive.transferId}`,
      });
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        throw ApplicationFailure.nonRetryable(`no unit "${input.toUnit}" takes part in this campaign`, 'unknown_unit');
      }
      if (err instanceof WorkflowUpdateFailedError) {
        const cause = err.cause;
        const type = cause instanceof ApplicationFailure ? (cause.type ?? 'transfer_refused') : 'transfer_refused';
        throw ApplicationFailure.nonRetryable(
          `${input.toUnit} refused the case: ${cause?.message ?? err.message}`,
          type,
        );
      }
      throw err;
    }
  };
}
