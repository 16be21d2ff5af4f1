import { addDays, localToInstant } from '../calendar/local-time';
import { durationMs } from '../plan/duration';
import type { Phase } from '../plan/schema';

export interface PhaseWindow {
  startMs: number;
  endMs: number;
}

/**
 * Window dates in plans are inclusive ("4月14日至4月20日" includes the 20th), so a window ends at
 * midnight after its last day. A relative window starts `gap` after the previous phase actually
 * ended — for a phase waiting on approval that is the approval time, known only at run time.
 */
export function phaseStartMs(phase: Phase, timeZone: string, previousEndMs: number | undefined): number | undefined {
  if ('start' in phase.window) return localToInstant(phase.window.start, '00:00', timeZone);
  if (previousEndMs === undefined) return undefined;
  return previousEndMs + durationMs(phase.window.gap ?? '0d');
}

export function phaseWindow(phase: Phase, timeZone: string, startMs: number): PhaseWindow {
  if ('start' in phase.window) {
    return { startMs, endMs: localToInstant(addDays(phase.window.end, 1), '00:00', timeZone) };
  }
  return { startMs, endMs: startMs + durationMs(phase.window.duration) };
}
