import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The server's back-pressure: a full query buffer (RESOURCE_EXHAUSTED), a busy or moving shard
 * (UNAVAILABLE), a query no worker took in time (DEADLINE_EXCEEDED). A dashboard asks again; so do
 * the tests, on a busy machine. Any other error ends the wait at once.
 */
const BACK_PRESSURE = new Set([4, 8, 14]);

function isBackPressure(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'number' && BACK_PRESSURE.has(cause.code);
}

/**
 * Waits until `probe` returns a value that passes `accept`, checking every `intervalMs`. Tests
 * use it to watch a rehearsal advance in real time; the workflows themselves never poll.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = 60_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (error) {
      if (!isBackPressure(error) || Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}`);
    await sleep(intervalMs);
  }
}
