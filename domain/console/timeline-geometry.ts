/**
 * The phase timeline on the leaders' page: each phase a bar across the campaign's span, and a line
 * for today. Positions are percentages of the span, so the page draws them with CSS at any screen
 * width (a phone's or a desk's) without measuring anything.
 */
export interface TimelinePhase {
  id: string;
  name: string;
  status: 'pending' | 'open' | 'closed';
  awaitingApproval?: boolean;
  /** Absent while a phase's window is unknown (it follows one that waits for approval). */
  startMs?: number;
  endMs?: number;
}

export interface TimelineBar {
  id: string;
  name: string;
  status: TimelinePhase['status'];
  awaitingApproval: boolean;
  /** Left edge and width in percent of the span; undefined when the phase has no dates yet. */
  leftPct?: number;
  widthPct?: number;
  startMs?: number;
  endMs?: number;
}

export interface TimelineGeometry {
  startMs: number;
  endMs: number;
  bars: TimelineBar[];
  /** Where today's line stands, in percent; undefined when today lies outside the span. */
  todayPct?: number;
}

/** A bar never thinner than this, so a one-hour phase is still something to tap on a phone. */
export const MIN_BAR_PCT = 1.5;

const round = (pct: number): number => Math.round(pct * 100) / 100;

export function timelineGeometry(phases: readonly TimelinePhase[], nowMs: number): TimelineGeometry | undefined {
  const dated = phases.filter((p) => p.startMs !== undefined && p.endMs !== undefined);
  if (dated.length === 0) return undefined;
  const startMs = Math.min(...dated.map((p) => p.startMs as number));
  // A zero-length span (one instant) still draws: it is widened to one millisecond.
  const endMs = Math.max(startMs + 1, ...dated.map((p) => p.endMs as number));
  const span = endMs - startMs;
  const pct = (ms: number) => ((ms - startMs) / span) * 100;
  const bars = phases.map((p): TimelineBar => {
    const base = { id: p.id, name: p.name, status: p.status, awaitingApproval: p.awaitingApproval ?? false };
    if (p.startMs === undefined || p.endMs === undefined) return base;
    const left = Math.min(pct(p.startMs), 100 - MIN_BAR_PCT);
    const width = Math.max(pct(Math.max(p.endMs, p.startMs)) - pct(p.startMs), MIN_BAR_PCT);
    return {
      ...base,
      leftPct: round(left),
      widthPct: round(Math.min(width, 100 - left)),
      startMs: p.startMs,
      endMs: p.endMs,
    };
  });
  const today = nowMs >= startMs && nowMs <= endMs ? round(pct(nowMs)) : undefined;
  return { startMs, endMs, bars, ...(today === undefined ? {} : { todayPct: today }) };
}
