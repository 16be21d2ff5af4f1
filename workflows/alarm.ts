import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

export interface Alarm {
  /**
   * Rings at plan time `atMs`, `delayMs` real milliseconds from now; undefined disarms it. Setting
   * the time it is already set for keeps the timer running, unless it has rung.
   */
  set(atMs: number | undefined, delayMs: number, summary?: string): void;
  rang(): boolean;
}

/**
 * One durable timer for a workflow's next wake-up, replaced only when that time changes. A loop
 * that waits with `condition(wake, timeout)` starts and cancels a timer on every pass: two history
 * events, two timer tasks on the server and a dozen promises for every message the workflow takes,
 * although the next reminder is usually still the one it was.
 */
export function createAlarm(): Alarm {
  let armedFor: number | undefined;
  let scope: CancellationScope | undefined;
  let rang = false;
  const disarm = () => {
    scope?.cancel();
    scope = undefined;
    armedFor = undefined;
    rang = false;
  };
  return {
    set(atMs, delayMs, summary) {
      if (atMs === armedFor && atMs !== undefined && !rang) return;
      disarm();
      if (atMs === undefined) return;
      const timer = new CancellationScope();
      scope = timer;
      armedFor = atMs;
      timer
        .run(() => sleep(delayMs, summary === undefined ? undefined : { summary }))
        .then(
          () => {
            if (scope === timer) rang = true;
          },
          (err: unknown) => {
            // Only a replaced alarm is cancelled; anything else is a real fault and must surface.
            if (!isCancellation(err)) throw err;
          },
        );
    },
    rang: () => rang,
  };
}
