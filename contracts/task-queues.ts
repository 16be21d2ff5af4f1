/**
 * A campaign workflow answers every leader's status query and takes every unit's progress; on the
 * task queue of a thousand unit workflows it waits behind their tasks. Units therefore run on a
 * queue of their own, which the worker serves with a Worker (and a workflow thread) of its own.
 */
export function unitTaskQueueOf(taskQueue: string): string {
  return `${taskQueue}-units`;
}

/**
 * How long a worker may take over one workflow task before the server gives it to another. The
 * default of 10 s is too tight for a campaign on a busy machine: a campaign task that replays a
 * history near its continue-as-new budget (about 2,000 events, a megabyte or more) took 11–16 s on
 * two loaded cores; timed out, its result was thrown away ("Task not found"), the worker dropped
 * the workflow from its cache, and the next attempt replayed the whole history again, more slowly
 * still. A longer timeout lets a slow task finish and stay cached. The price is that a task held
 * by a worker that died is retried after this long instead of 10 s.
 */
export const WORKFLOW_TASK_TIMEOUT = '30 seconds';
