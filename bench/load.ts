import { performance } from 'node:perf_hooks';

/** Latencies of one kind of call, and when the first and last finished, for throughput. */
export class Samples {
  readonly latenciesMs: number[] = [];
  firstDoneMs: number | undefined;
  lastDoneMs: number | undefined;

  async time<T>(call: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const result = await call();
    this.record(performance.now() - start);
    return result;
  }

  record(latencyMs: number): void {
    const end = performance.now();
    this.latenciesMs.push(latencyMs);
    this.firstDoneMs ??= end;
    this.lastDoneMs = end;
  }

  /** Completions per second from the first to the last (sustained, not including ramp-up). */
  perSecond(): number {
    if (this.firstDoneMs === undefined || this.lastDoneMs === undefined || this.latenciesMs.length < 2) return 0;
    const seconds = (this.lastDoneMs - this.firstDoneMs) / 1000;
    return seconds > 0 ? (this.latenciesMs.length - 1) / seconds : 0;
  }

  percentile(p: number): number {
    if (this.latenciesMs.length === 0) return 0;
    const sorted = [...this.latenciesMs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  }
}

/** Runs `task` over `items` with at most `limit` in flight: the load generator's pace. */
export async function withConcurrency<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  });
  await Promise.all(runners);
}

/** Calls `probe` every `intervalMs` until stopped, timing each call. */
export function probeLoop(samples: Samples, probe: () => Promise<unknown>, intervalMs: number): () => Promise<void> {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await samples.time(probe).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}
