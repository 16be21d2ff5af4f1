import { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** A workflow whose code cannot replay its own history past one event, and where to reset it. */
export interface Wedge {
  /** The event the nondeterminism error names: the code no longer produces it at that point. */
  namedEventId?: number;
  /**
   * The completion of the workflow task that recorded it: the reset discards that task and all
   * after. Absent when the error names no event, or one before any completed task: then only a
   * person can choose (or the workflow must be started anew).
   */
  resetToEventId?: number;
  message: string;
}

const NONDETERMINISM = temporal.api.enums.v1.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR;
const NAMED_EVENT = /HistoryEvent\(id: (\d+)/;

/**
 * Reads a history for a workflow stuck on a nondeterminism error. Its tasks fail on every retry,
 * because replay meets an event (say a timer) recorded where the code now does something else; on
 * 2026-11-30 an SDK fault recorded a unit's update after a timer that replay puts before it, and
 * five units of one test campaign stopped so. Resetting to the completion of the workflow task that
 * recorded the named event discards that task and what followed; the server then gives the
 * workflow its signals and updates from after that point again, and the code runs them anew.
 * Undefined when the workflow's last task did not fail so.
 */
export function wedgeOf(events: HistoryEvent[]): Wedge | undefined {
  let failure: temporal.api.history.v1.IWorkflowTaskFailedEventAttributes | undefined;
  for (const event of events) {
    // A workflow that completed a task after a failure has recovered; only a failure since counts.
    if (event.workflowTaskCompletedEventAttributes) failure = undefined;
    if (event.workflowTaskFailedEventAttributes) failure = event.workflowTaskFailedEventAttributes;
  }
  if (failure?.cause !== NONDETERMINISM) return undefined;
  const message = failure.failure?.message ?? '';
  const named = NAMED_EVENT.exec(message);
  if (!named) return { message };
  const namedEventId = Number(named[1]);
  const completions = events
    .filter((e) => e.workflowTaskCompletedEventAttributes && Number(e.eventId) < namedEventId)
    .map((e) => Number(e.eventId));
  return { namedEventId, resetToEventId: completions.at(-1), message };
}
