import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Unit } from '../../domain/plan/schema';
import type { BroadcastInput } from '../activity-types';
import { campaignEventSignal, unitWorkflowId, WORKFLOW_TASK_TIMEOUT, type UnitWorkflow } from '../../contracts';
import { mapWithConcurrency } from './map-with-concurrency';
import { clearSummary } from '../../contracts/clear-summary';
import { unitSummary } from '../../domain/plan/operator-summaries';

const CONCURRENCY = 16;

/**
 * A unit's ledger only ever holds its own cases, so its ledger context names just that unit:
 * the whole roster in every unit's start event would grow the campaign's storage with units².
 */
function unitStartInput(start: NonNullable<BroadcastInput['start']>, unit: Unit) {
  const { base } = start;
  return {
    ...base,
    unit,
    ledgerContext: { ...base.ledgerContext, units: [{ id: unit.id, name: unit.name }] },
    // Only this unit's own credential chains: a unit workflow never learns another unit's.
    access: start.access?.[unit.id],
  };
}

/**
 * Delivers one campaign event to many unit workflows. At the campaign's start (and for a unit
 * added later) signal-with-start creates them in the same step; afterwards a plain signal is
 * enough. A retry after a crash simply sends again: the units ignore an event number they have
 * already seen. A unit whose workflow has already finished has nothing left to learn.
 */
export function createBroadcastActivity(client: Client) {
  return async function broadcastToUnits(input: BroadcastInput): Promise<{ signalled: number }> {
    const start = input.start;
    let done = 0;
    await mapWithConcurrency(input.unitIds, CONCURRENCY, async (unitId) => {
      const workflowId = unitWorkflowId(input.campaignId, unitId);
      const unit = start?.units.find((u) => u.id === unitId);
      try {
        if (start && unit) {
          await client.workflow.signalWithStart<UnitWorkflow, [typeof input.event, typeof input.seal?]>(
            'unitWorkflow',
            {
              workflowId,
              taskQueue: input.taskQueue,
              args: [unitStartInput(start, unit)],
              signal: campaignEventSignal,
              signalArgs: [input.event, input.seal],
              workflowIdReusePolicy: 'REJECT_DUPLICATE',
              workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
              staticSummary: clearSummary(
                unitSummary(start.base.context.locale, unit.name, unit.id, start.base.context.campaignTitle),
              ),
            },
          );
        } else {
          await client.workflow.getHandle(workflowId).signal(campaignEventSignal, input.event, input.seal);
        }
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError) && !(err instanceof WorkflowNotFoundError))
          throw err;
      }
      done += 1;
      if (done % 50 === 0) Context.current().heartbeat(done);
    });
    return { signalled: input.unitIds.length };
  };
}
