import { mapWithConcurrency } from '../activities/fanout/map-with-concurrency';
import { sleep, type Samples } from './load';

/**
 * How one round of calls reaches the system. `burst`: all at once, `concurrency` in flight (the
 * ceiling a two-core machine reaches). `spread`: each call at its own moment within `windowMs`, as
 * offices hand in over a phase's days (compressed by the rehearsal clock); the moments come from a
 * seeded generator so that two runs, capped and uncapped, see the same arrivals.
 */
export type Arrivals = { kind: 'burst'; concurrency: number } | { kind: 'spread'; windowMs: number; seed: number };

/** mulberry32: a small seeded generator, enough to scatter arrival times reproducibly. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Each item with its moment (ms from the start of the round) within `windowMs`, earliest first. */
export function scheduleArrivals<T>(items: readonly T[], windowMs: number, seed: number): { atMs: number; item: T }[] {
  const random = seededRandom(seed);
  return items.map((item) => ({ atMs: random() * windowMs, item })).sort((a, b) => a.atMs - b.atMs);
}

/** Runs one round of calls as `samples`' burst, at once or spread over its window. */
export async function deliver<T>(
  arrivals: Arrivals,
  samples: Samples,
  items: readonly T[],
  call: (item: T) => Promise<void>,
): Promise<void> {
  if (arrivals.kind === 'burst') {
    await samples.burst(() => mapWithConcurrency([...items], arrivals.concurrency, call));
    return;
  }
  const schedule = scheduleArrivals(items, arrivals.windowMs, arrivals.seed);
  const start = performance.now();
  await samples.burst(async () => {
    const calls: Promise<void>[] = [];
    let failure: { error: unknown } | undefined;
    for (const { atMs, item } of schedule) {
      if (failure) break;
      const wait = atMs - (performance.now() - start);
      if (wait > 0) await sleep(wait);
      // Caught at once: a call that fails while later ones are still waiting for their moment must
      // end the round as its failure, not as an unhandled rejection that kills the run unexplained.
      calls.push(call(item).catch((error: unknown) => void (failure ??= { error })));
    }
    await Promise.all(calls);
    if (failure) throw failure.error;
  });
}
