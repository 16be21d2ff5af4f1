import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Samples, type Percentiles } from './load';

const { EventType, WorkflowTaskFailedCause } = temporal.api.enums.v1;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * How one workflow's tasks went: how long each waited for a worker (scheduled → started) and how
 * long the worker took (started → completed). A query to a workflow with a task scheduled or in
 * flight is answered only with its next task, so these times bound what a query waits.
 */
export interface WorkflowTaskFigures {
  tasks: number;
  signals: number;
  /** Tasks the worker did not complete in time, or failed (each is retried, from a fresh replay). */
  timedOut: number;
  failed: { count: number; causes: string[] };
  /** Tasks per second of the workflow's life: how often a query finds it busy. */
  tasksPerSecond: number;
  queueWaitMs: Percentiles & { max: number };
  runMs: Percentiles & { max: number };
}

const millis = (t: temporal.api.history.v1.IHistoryEvent['eventTime']): number =>
  t ? Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : 0;

function withMax(samples: Samples): Percentiles & { max: number } {
  return { ...samples.percentiles(), max: Math.max(0, ...samples.latenciesMs) };
}

/** A workflow task from its scheduling to its end (completed, failed or timed out), epoch ms. */
export interface TaskSpan {
  fromMs: number;
  toMs: number;
}

interface Tally {
  spans: TaskSpan[];
  wait: Samples;
  run: Samples;
  tasks: number;
  signals: number;
  timedOut: number;
  causes: string[];
  firstMs: number;
  lastMs: number;
}

/** Adds one run's events to the tally, pairing each workflow task's scheduled, started and completed events. */
function tallyRun(events: HistoryEvent[], tally: Tally): void {
  const at = new Map<number, number>();
  for (const event of events) {
    const id = Number(event.eventId ?? 0);
    const ms = millis(event.eventTime);
    at.set(id, ms);
    tally.firstMs = Math.min(tally.firstMs, ms);
    tally.lastMs = Math.max(tally.lastMs, ms);
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) tally.signals += 1;
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT) tally.timedOut += 1;
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) {
      const failed = event.workflowTaskFailedEventAttributes;
      const cause = (WorkflowTaskFailedCause[failed?.cause ?? 0] ?? 'UNKNOWN').replace(
        'WORKFLOW_TASK_FAILED_CAUSE_',
        '',
      );
      tally.causes.push(`${cause}: ${failed?.failure?.message ?? ''}`.slice(0, 200));
    }
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) {
      const scheduled = at.get(Number(event.workflowTaskStartedEventAttributes?.scheduledEventId ?? 0));
      if (scheduled !== undefined) tally.wait.record(ms - scheduled);
    }
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
      tally.tasks += 1;
      const started = at.get(Number(event.workflowTaskCompletedEventAttributes?.startedEventId ?? 0));
      if (started !== undefined) tally.run.record(ms - started);
    }
    const scheduledId =
      event.workflowTaskCompletedEventAttributes?.scheduledEventId ??
      event.workflowTaskFailedEventAttributes?.scheduledEventId ??
      event.workflowTaskTimedOutEventAttributes?.scheduledEventId;
    const scheduled = scheduledId === undefined || scheduledId === null ? undefined : at.get(Number(scheduledId));
    if (scheduled !== undefined) tally.spans.push({ fromMs: scheduled, toMs: ms });
  }
}

/**
 * One run's events, twenty at a time: a page of a ledger import's history (updates of ~90 KB each)
 * would pass the client's 4 MB message limit at the server's default page size.
 */
async function runEvents(client: Client, workflowId: string, runId: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await client.workflowService.getWorkflowExecutionHistory({
      namespace: client.options.namespace,
      execution: { workflowId, runId },
      maximumPageSize: 20,
      nextPageToken,
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken && page.nextPageToken.length > 0 ? page.nextPageToken : undefined;
  } while (nextPageToken !== undefined);
  return events;
}

/** Every run of `workflowId`, its tasks timed together, and when each task was in the way of a query. */
export async function workflowTaskFigures(
  client: Client,
  workflowId: string,
): Promise<{ figures: WorkflowTaskFigures; spans: TaskSpan[] }> {
  const tally: Tally = {
    spans: [],
    wait: new Samples(),
    run: new Samples(),
    tasks: 0,
    signals: 0,
    timedOut: 0,
    causes: [],
    firstMs: Infinity,
    lastMs: 0,
  };
  for await (const listed of client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) {
    tallyRun(await runEvents(client, workflowId, listed.runId), tally);
  }
  const seconds = tally.lastMs > tally.firstMs ? (tally.lastMs - tally.firstMs) / 1000 : 0;
  const figures = {
    tasks: tally.tasks,
    signals: tally.signals,
    timedOut: tally.timedOut,
    failed: { count: tally.causes.length, causes: [...new Set(tally.causes)].slice(0, 5) },
    tasksPerSecond: seconds > 0 ? tally.tasks / seconds : 0,
    queueWaitMs: withMax(tally.wait),
    runMs: withMax(tally.run),
  };
  return { figures, spans: tally.spans };
}
