/**
 * A campaign workflow answers every leader's status query and takes every unit's progress; on the
 * task queue of a thousand unit workflows it waits behind their tasks. Units therefore run on a
 * queue of their own, which the worker serves with a Worker (and a workflow thread) of its own.
 */
export function unitTaskQueueOf(taskQueue: string): string {
  return `${taskQueue}-units`;
}
