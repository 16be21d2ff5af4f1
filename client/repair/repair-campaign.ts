import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import Long from 'long';
import type * as Proto from '@temporalio/proto';
import { campaignWorkflowId } from '../../contracts';
import { filterLiteral } from '../../temporal-client/list-filter';
import { wedgeOf, type Wedge } from './wedge';

export interface WedgedWorkflow {
  workflowId: string;
  runId: string;
  wedge: Wedge;
  /** The run the reset started; absent when only looking. */
  resetRunId?: string;
}

/**
 * The running workflows of a campaign (the campaign, its units, its phase reports) whose workflow
 * task keeps failing on a nondeterminism error, each with where a reset would take it. Only those
 * with a task retried at least once are read in full.
 */
export async function findWedged(client: Client, campaignId: string): Promise<WedgedWorkflow[]> {
  const wedged: WedgedWorkflow[] = [];
  for await (const { workflowId, runId } of runningWorkflowsOf(client, campaignWorkflowId(campaignId))) {
    const handle = client.workflow.getHandle(workflowId, runId);
    const pending = (await handle.describe()).raw.pendingWorkflowTask;
    if ((pending?.attempt ?? 1) < 2) continue;
    const wedge = wedgeOf((await handle.fetchHistory()).events ?? []);
    if (wedge) wedged.push({ workflowId, runId, wedge });
  }
  return wedged;
}

/**
 * The running workflows whose id is the campaign's or starts with it, filtered by the server
 * (`STARTS_WITH` is a list filter operator of Temporal's visibility), so a namespace full of other
 * campaigns is not listed whole.
 */
function runningWorkflowsOf(client: Client, own: string) {
  return client.workflow.list({
    query: `ExecutionStatus = 'Running' AND (WorkflowId = ${filterLiteral(own)} OR WorkflowId STARTS_WITH ${filterLiteral(`${own}:`)})`,
  });
}

/**
 * Resets each wedged workflow to the completion before the event its code cannot replay, giving
 * it back every signal and update that came after; one without such a point is left as it is. Mail it sends again keeps its ids, so the
 * delivery log keeps anyone from getting a message twice.
 */
export async function resetWedged(client: Client, wedged: WedgedWorkflow[], reason: string): Promise<WedgedWorkflow[]> {
  // Temporal's protobufs load here, on use: every other command would pay for them at start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx registers for CommonJS only
  const { temporal } = require('@temporalio/proto') as typeof Proto;
  const done: WedgedWorkflow[] = [];
  for (const w of wedged) {
    const resetTo = w.wedge.resetToEventId;
    if (resetTo === undefined) {
      done.push(w);
      continue;
    }
    const response = await client.workflowService.resetWorkflowExecution({
      namespace: client.options.namespace,
      workflowExecution: { workflowId: w.workflowId, runId: w.runId },
      workflowTaskFinishEventId: Long.fromNumber(resetTo),
      reason,
      requestId: randomUUID(),
      resetReapplyType: temporal.api.enums.v1.ResetReapplyType.RESET_REAPPLY_TYPE_ALL_ELIGIBLE,
    });
    done.push({ ...w, resetRunId: response.runId ?? undefined });
  }
  return done;
}
