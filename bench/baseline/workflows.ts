import { condition, defineQuery, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

/**
 * The ceiling: one workflow per unit that takes Updates and does nothing else, no validation, no
 * state beyond a count. Whatever our campaign costs above this is the price of its logic.
 */
export const baselineSubmit = defineUpdate<number, [unknown]>('submit');
export const baselineDone = defineSignal('done');
/** The control for the status query: a query with nothing to compute (bench/control-probe.ts). */
export const baselineCount = defineQuery<number>('count');

export async function baselineUnit(): Promise<number> {
  let count = 0;
  let done = false;
  setHandler(baselineSubmit, () => ++count);
  setHandler(baselineCount, () => count);
  setHandler(baselineDone, () => {
    done = true;
  });
  await condition(() => done);
  return count;
}
