import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { eventually } from './eventually';

const { EventType } = temporal.api.enums.v1;
export type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const WORKFLOW_TASK_EVENTS = new Set<number | null | undefined>([
  EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
]);

/** A history at rest: every signal it sent has been delivered and the task after it has completed. */
export function historyAtRest(events: HistoryEvent[]): boolean {
  const count = (type: temporal.api.enums.v1.EventType) => events.filter((e) => e.eventType === type).length;
  return (
    count(EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED) ===
      count(EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED) &&
    events.filter((e) => WORKFLOW_TASK_EVENTS.has(e.eventType)).at(-1)?.eventType ===
      EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED
  );
}

/**
 * A unit's history once it is at rest: every signal it sent has been delivered and the task after
 * the last delivery has completed, so the commands that followed are in it too.
 */
export function settledHistory(unit: WorkflowHandle): Promise<HistoryEvent[]> {
  return eventually(async () => (await unit.fetchHistory()).events ?? [], historyAtRest, { what: 'the unit at rest' });
}

/** A workflow with nothing in flight: its history at rest and no activity pending. */
export async function workflowAtRest(handle: WorkflowHandle): Promise<boolean> {
  const [history, description] = await Promise.all([handle.fetchHistory(), handle.describe()]);
  return (description.raw.pendingActivities ?? []).length === 0 && historyAtRest(history.events ?? []);
}

/** The names of the signals a unit sent to other workflows, in order. */
export function signalsSent(events: HistoryEvent[]): string[] {
  return events.flatMap((e) => {
    const name = e.signalExternalWorkflowExecutionInitiatedEventAttributes?.signalName;
    return name ? [name] : [];
  });
}
