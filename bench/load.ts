import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { rejectionOf } from '../client/update-rejection';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Latencies of one kind of call, grouped in bursts. Throughput counts only the time bursts run
 * (from a burst's first call to its last acceptance): the pauses between phases, spent waiting for
 * a phase to open or for an approval, are the plan's rhythm, not what the system can take.
 */
export class Samples {
  readonly latenciesMs: number[] = [];
  /** When each call was sent (epoch ms, the clock the server stamps history events with). */
  readonly sentAtMs: number[] = [];
  private burstStartMs: number | undefined;
  private lastDoneMs: number | undefined;
  private burstSeconds = 0;
  /** Calls refused for a moment and sent again (a phase not yet delivered to the unit). */
  retries = 0;
  /** Updates whose RPC ran out of time before the workflow took them, asked again under the same id. */
  rpcTimeouts = 0;

  startBurst(): void {
    this.burstStartMs = performance.now();
    this.lastDoneMs = undefined;
  }

  endBurst(): void {
    if (this.burstStartMs !== undefined && this.lastDoneMs !== undefined) {
      this.burstSeconds += (this.lastDoneMs - this.burstStartMs) / 1000;
    }
    this.burstStartMs = undefined;
  }

  /** Runs `calls` as one burst. */
  async burst(calls: () => Promise<void>): Promise<void> {
    this.startBurst();
    try {
      await calls();
    } finally {
      this.endBurst();
    }
  }

  async time<T>(call: () => Promise<T>): Promise<T> {
    const sentAtMs = Date.now();
    const start = performance.now();
    const result = await call();
    this.record(performance.now() - start, sentAtMs);
    return result;
  }

  record(latencyMs: number, sentAtMs = Date.now() - latencyMs): void {
    this.latenciesMs.push(latencyMs);
    this.sentAtMs.push(sentAtMs);
    this.lastDoneMs = performance.now();
  }

  get count(): number {
    return this.latenciesMs.length;
  }

  /** Accepted calls per second of burst time: the sustained rate under full load. */
  perSecond(): number {
    return this.burstSeconds > 0 ? this.count / this.burstSeconds : 0;
  }

  percentiles(): Percentiles {
    const sorted = [...this.latenciesMs].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
    return { p50: at(50), p95: at(95), p99: at(99) };
  }
}

/**
 * Sends an update until it is accepted, timing only the accepted attempt. A unit refuses with one
 * of `waitFor` while the phase-opened event is still on its way to it; that is retried under a new
 * update id. An update whose RPC ran out of time while the workflow had not yet taken it (a backlog
 * under load) is asked again under the same id, which the server answers with that update's own
 * outcome, never a second one; its latency counts from the first attempt.
 */
export async function untilAccepted<T>(
  samples: Samples,
  waitFor: string[],
  call: (updateId: string) => Promise<T>,
): Promise<T> {
  let updateId = randomUUID();
  let start = performance.now();
  for (;;) {
    try {
      const result = await call(updateId);
      samples.record(performance.now() - start);
      return result;
    } catch (error) {
      if (error instanceof Error && error.name === 'WorkflowUpdateRPCTimeoutOrCancelledError') {
        samples.rpcTimeouts += 1;
        continue;
      }
      if (!waitFor.includes(rejectionOf(error)?.type ?? '')) throw error;
      samples.retries += 1;
      await sleep(100);
      updateId = randomUUID();
      start = performance.now();
    }
  }
}

/** Calls `probe` every `intervalMs` until stopped, timing each answer into `samples()`; a failure counts apart. */
export function probeLoop(
  samples: () => Samples,
  probe: () => Promise<unknown>,
  intervalMs: number,
): { stop(): Promise<void>; failures(): number } {
  let stopped = false;
  let failures = 0;
  const loop = (async () => {
    while (!stopped) {
      await samples()
        .time(probe)
        .catch(() => (failures += 1));
      await sleep(intervalMs);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
    },
    failures: () => failures,
  };
}

/** The promise's value, or undefined once `ms` have passed (the timer is cleared either way). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
