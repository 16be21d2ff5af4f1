import { asyncLocalStorage } from '@temporalio/activity';

/** How often a kept-alive activity heartbeats; the SDK sends at most one per 80% of the timeout. */
export const KEEP_ALIVE_EVERY_MS = 5_000;

/**
 * Runs an activity that heartbeats all the while it works, whatever it is waiting on (an SMTP
 * server's slow reply, a query). With a heartbeat timeout far below its start-to-close timeout,
 * the server then notices within that heartbeat timeout that the worker running it died, and
 * retries it on another: mail a killed worker was sending goes out again in seconds, not minutes.
 * Called outside an activity (a test calling the function directly), it simply runs.
 */
export function keptAlive<A extends unknown[], R>(
  activity: (...args: A) => Promise<R>,
  everyMs = KEEP_ALIVE_EVERY_MS,
): (...args: A) => Promise<R> {
  return async (...args) => {
    const context = asyncLocalStorage.getStore();
    if (context === undefined) return activity(...args);
    // The heartbeat timeout runs from the start: no beat at once, so mail sent within the interval
    // (nearly all of it) costs the server no heartbeat call.
    const timer = setInterval(() => context.heartbeat(), everyMs);
    try {
      return await activity(...args);
    } finally {
      clearInterval(timer);
    }
  };
}
