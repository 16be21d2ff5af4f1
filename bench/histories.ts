import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export interface HistorySize {
  events: number;
  bytes: number;
  /** Runs in the chain: more than one when the workflow continued as new. */
  runs: number;
}

const zero = (): HistorySize => ({ events: 0, bytes: 0, runs: 0 });
const add = (a: HistorySize, b: HistorySize): HistorySize => ({
  events: a.events + b.events,
  bytes: a.bytes + b.bytes,
  runs: a.runs + b.runs,
});

/** The encoded size of one run's history, as the server would send it. */
async function encodedRun(client: Client, workflowId: string, runId: string): Promise<HistorySize> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  const bytes = temporal.api.history.v1.History.encode(history).finish().length;
  return { events: history.events?.length ?? 0, bytes, runs: 1 };
}

/**
 * Every run of every workflow that matches `query`, summed per workflow id. Visibility reports
 * each closed run's event count and byte size, so a thousand units cost one paged list, not a
 * thousand history downloads; a run without a size (an older server) is downloaded and encoded.
 */
export async function historiesByWorkflow(client: Client, query: string): Promise<Map<string, HistorySize>> {
  const runs: WorkflowExecutionInfo[] = [];
  for await (const run of client.workflow.list({ query })) runs.push(run);
  const sizes = new Map<string, HistorySize>();
  for (const listed of runs) {
    // Visibility records a run's size when it closes; one still running is asked directly.
    const run =
      listed.status.name === 'RUNNING'
        ? await client.workflow.getHandle(listed.workflowId, listed.runId).describe()
        : listed;
    const size =
      run.historySize !== undefined
        ? { events: run.historyLength, bytes: run.historySize, runs: 1 }
        : await encodedRun(client, run.workflowId, run.runId);
    sizes.set(run.workflowId, add(sizes.get(run.workflowId) ?? zero(), size));
  }
  return sizes;
}

export function total(sizes: Iterable<HistorySize>): HistorySize {
  let sum = zero();
  for (const size of sizes) sum = add(sum, size);
  return sum;
}

/**
 * The proto-encoded size of one workflow's whole chain, downloaded: a check that visibility's
 * figures are the bytes a history really takes.
 */
export async function encodedHistory(client: Client, workflowId: string): Promise<HistorySize> {
  let sum = zero();
  for await (const run of client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) {
    sum = add(sum, await encodedRun(client, workflowId, run.runId));
  }
  return sum;
}
