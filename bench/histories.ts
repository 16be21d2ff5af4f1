import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export interface HistorySize {
  events: number;
  bytes: number;
  /** Runs in the chain: more than one when the workflow continued as new. */
  runs: number;
}

/** Events of a downloaded history by type (WORKFLOW_TASK_SCHEDULED, TIMER_STARTED, ...). */
export type EventTypeCounts = Record<string, number>;

const zero = (): HistorySize => ({ events: 0, bytes: 0, runs: 0 });
const add = (a: HistorySize, b: HistorySize): HistorySize => ({
  events: a.events + b.events,
  bytes: a.bytes + b.bytes,
  runs: a.runs + b.runs,
});

/** One run's history as the server sends it. */
async function downloadRun(
  client: Client,
  workflowId: string,
  runId: string,
): Promise<temporal.api.history.v1.IHistory> {
  return client.workflow.getHandle(workflowId, runId).fetchHistory();
}

function sizeOf(history: temporal.api.history.v1.IHistory): HistorySize {
  const bytes = temporal.api.history.v1.History.encode(history).finish().length;
  return { events: history.events?.length ?? 0, bytes, runs: 1 };
}

function countTypes(history: temporal.api.history.v1.IHistory, into: EventTypeCounts): void {
  for (const event of history.events ?? []) {
    const name = (temporal.api.enums.v1.EventType[event.eventType ?? 0] ?? 'UNKNOWN').replace(/^EVENT_TYPE_/, '');
    into[name] = (into[name] ?? 0) + 1;
  }
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
        : sizeOf(await downloadRun(client, run.workflowId, run.runId));
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
 * figures are the bytes a history really takes, and what its events are.
 */
export async function encodedHistory(
  client: Client,
  workflowId: string,
): Promise<HistorySize & { eventTypes: EventTypeCounts }> {
  let sum = zero();
  const eventTypes: EventTypeCounts = {};
  for await (const run of client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) {
    const history = await downloadRun(client, workflowId, run.runId);
    sum = add(sum, sizeOf(history));
    countTypes(history, eventTypes);
  }
  return { ...sum, eventTypes };
}
