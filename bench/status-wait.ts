import type { TaskSpan } from './workflow-tasks';

/** A task this long is a replay (after continue-as-new was refused) or a run of the final report. */
export const LONG_TASK_MS = 1_000;

/**
 * What the slow status answers were asked behind. A query to a workflow with a task scheduled or
 * running is answered only after it, so a slow answer asked while none was in the way would be
 * the engine's or the machine's, not the campaign's.
 */
export interface StatusWaitFigures {
  /** Answers slower than `thresholdMs`. */
  slow: number;
  thresholdMs: number;
  /** Of the slow answers, those asked while a campaign task was scheduled or running. */
  askedDuringTask: number;
  /** Of the slow answers, those asked during a task of LONG_TASK_MS or more. */
  askedDuringLongTask: number;
  /** Share of the probing time in which the campaign had a task scheduled or running. */
  campaignBusyShare: number;
}

interface Probe {
  latenciesMs: readonly number[];
  sentAtMs: readonly number[];
}

/** The union of the spans, clipped to [fromMs, toMs], in ms. */
function coveredMs(spans: TaskSpan[], fromMs: number, toMs: number): number {
  const sorted = spans
    .map((s) => ({ fromMs: Math.max(s.fromMs, fromMs), toMs: Math.min(s.toMs, toMs) }))
    .filter((s) => s.toMs > s.fromMs)
    .sort((a, b) => a.fromMs - b.fromMs);
  let covered = 0;
  let end = -Infinity;
  for (const span of sorted) {
    const start = Math.max(span.fromMs, end);
    if (span.toMs > start) covered += span.toMs - start;
    end = Math.max(end, span.toMs);
  }
  return covered;
}

export function statusWaits(probe: Probe, spans: TaskSpan[], thresholdMs = 100): StatusWaitFigures {
  const inside = (at: number, minMs = 0) =>
    spans.some((s) => s.toMs - s.fromMs >= minMs && at >= s.fromMs && at <= s.toMs);
  let slow = 0;
  let askedDuringTask = 0;
  let askedDuringLongTask = 0;
  probe.latenciesMs.forEach((latency, i) => {
    const at = probe.sentAtMs[i];
    if (latency <= thresholdMs || at === undefined) return;
    slow += 1;
    if (inside(at)) askedDuringTask += 1;
    if (inside(at, LONG_TASK_MS)) askedDuringLongTask += 1;
  });
  const first = Math.min(...probe.sentAtMs);
  const last = Math.max(...probe.sentAtMs);
  const campaignBusyShare = last > first ? coveredMs(spans, first, last) / (last - first) : 0;
  return { slow, thresholdMs, askedDuringTask, askedDuringLongTask, campaignBusyShare };
}
