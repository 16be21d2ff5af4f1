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

/** Pairs each workflow task's scheduled, started and completed events of one run. */
function timeTasks(events: HistoryEvent[], wait: Samples, run: Samples) {
  const at = new Map<number, number>();
  let tasks = 0;
  let signals = 0;
  let timedOut = 0;
  const causes: string[] = [];
  for (const event of events) {
    const id = Number(event.eventId ?? 0);
    at.set(id, millis(event.eventTime));
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) signals += 1;
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT) timedOut += 1;
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) {
      const failed = event.workflowTaskFailedEventAttributes;
      const cause = (WorkflowTaskFailedCause[failed?.cause ?? 0] ?? 'UNKNOWN').replace(
        'WORKFLOW_TASK_FAILED_CAUSE_',
        '',
      );
      causes.push(`${cause}: ${failed?.failure?.message ?? ''}`.slice(0, 200));
    }
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) {
      const scheduled = at.get(Number(event.workflowTaskStartedEventAttributes?.scheduledEventId ?? 0));
      if (scheduled !== undefined) wait.record(at.get(id)! - scheduled);
    }
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
      tasks += 1;
      const started = at.get(Number(event.workflowTaskCompletedEventAttributes?.startedEventId ?? 0));
      if (started !== undefined) run.record(at.get(id)! - started);
    }
  }
  return { tasks, signals, timedOut, causes };
}

/** Every run of `workflowId`, its tasks timed together. */
export async function workflowTaskFigures(client: Client, workflowId: string): Promise<WorkflowTaskFigures> {
  const wait = new Samples();
  const run = new Samples();
  let tasks = 0;
  let signals = 0;
  let timedOut = 0;
  const causes: string[] = [];
  let firstMs = Infinity;
  let lastMs = 0;
  for await (const listed of client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) {
    const history = await client.workflow.getHandle(workflowId, listed.runId).fetchHistory();
    const events = history.events ?? [];
    const counted = timeTasks(events, wait, run);
    tasks += counted.tasks;
    signals += counted.signals;
    timedOut += counted.timedOut;
    causes.push(...counted.causes);
    if (events.length > 0) {
      firstMs = Math.min(firstMs, millis(events[0]!.eventTime));
      lastMs = Math.max(lastMs, millis(events[events.length - 1]!.eventTime));
    }
  }
  const seconds = lastMs > firstMs ? (lastMs - firstMs) / 1000 : 0;
  return {
    tasks,
    signals,
    timedOut,
    failed: { count: causes.length, causes: [...new Set(causes)].slice(0, 5) },
    tasksPerSecond: seconds > 0 ? tasks / seconds : 0,
    queueWaitMs: withMax(wait),
    runMs: withMax(run),
  };
}
