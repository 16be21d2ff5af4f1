import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { BroadcastInput } from '../activity-types';
import { campaignEventSignal, unitSetupQuery } from '../../workflows/messages';
import type { unitWorkflow } from '../../workflows/unit-workflow';
import { unitWorkflowId } from '../../workflows/workflow-ids';
import { mapWithConcurrency } from './map-with-concurrency';

const CONCURRENCY = 16;

/**
 * Delivers one campaign event to many unit workflows, starting any that do not exist yet.
 * Signal-with-start makes delivery and creation one step, so a retry after a crash simply sends
 * again; the units ignore an event number they have already seen. A unit whose workflow has
 * already finished refuses the start, which is fine: it has nothing left to learn.
 */
export function createBroadcastActivity(client: Client) {
  return async function broadcastToUnits(input: BroadcastInput): Promise<{ signalled: number }> {
    const setup = await client.workflow.getHandle(input.campaignWorkflowId).query(unitSetupQuery);
    const wanted = input.units === 'all' ? undefined : new Set(input.units);
    const units = setup.units.filter((u) => !wanted || wanted.has(u.id));
    let done = 0;
    await mapWithConcurrency(units, CONCURRENCY, async (unit) => {
      try {
        await client.workflow.signalWithStart<typeof unitWorkflow, [typeof input.event]>('unitWorkflow', {
          workflowId: unitWorkflowId(input.campaignId, unit.id),
          taskQueue: input.taskQueue,
          args: [{ ...setup.base, unit }],
          signal: campaignEventSignal,
          signalArgs: [input.event],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      done += 1;
      if (done % 50 === 0) Context.current().heartbeat(done);
    });
    return { signalled: units.length };
  };
}
