import { addDays, daysBetween } from '../calendar/local-time';
import { DAY_MS } from '../clock/time-units';
import { durationMs } from './duration';
import { planError, planWarning, type PlanIssue } from './plan-issue';
import type { LoosePhase } from './salvage-plan';
import type { Phase } from './schema';

/**
 * Phase windows as dates. Both ends are inclusive days ("4月14日至4月20日" includes the 20th) and
 * neighbouring phases may share a boundary day, as the seed plans do (排查建档 4/14–4/20, then
 * 化解整治 4/20–7/15). A relative window `{duration, gap}` follows the runtime rule of
 * domain/schedule/phase-window.ts: it starts `gap` after the previous phase ends (midnight after
 * its last day) and lasts `duration`, so "1w" after a phase ending 4/20 covers 4/21–4/27. When the
 * previous phase waits for approval the real start comes later; these dates are the earliest case.
 */
export interface PhaseDates {
  start: string;
  end: string;
}

function wholeDays(duration: string): number {
  return Math.floor(durationMs(duration) / DAY_MS);
}

/** Days a window touches: "1w" → 7, "12h" → 1 (it ends within its first day), "0d" → 0. */
function daysCovered(duration: string): number {
  return Math.ceil(durationMs(duration) / DAY_MS);
}

/** Dates of every phase; `undefined` where a window is missing or has nothing to count from. */
export function resolvePhaseWindows(
  phases: readonly (Pick<Phase, 'window'> | LoosePhase | undefined)[],
): (PhaseDates | undefined)[] {
  const resolved: (PhaseDates | undefined)[] = [];
  let previous: PhaseDates | undefined;
  for (const phase of phases) {
    const window = phase?.window;
    let dates: PhaseDates | undefined;
    if (window && 'start' in window) dates = { start: window.start, end: window.end };
    else if (window && previous) {
      const start = addDays(previous.end, 1 + wholeDays(window.gap ?? '0d'));
      dates = { start, end: addDays(start, daysCovered(window.duration) - 1) };
    }
    resolved.push(dates);
    // A hole breaks the chain: a relative window after it would count from a guess.
    previous = dates;
  }
  return resolved;
}

// A relative window after a broken phase resolves to nothing and says nothing: the broken phase's
// own issue explains it, and a second message would only repeat it.
function relativeWindowIssues(phase: LoosePhase, i: number): PlanIssue[] {
  const window = phase.window;
  if (!window || 'start' in window) return [];
  const issues: PlanIssue[] = [];
  if (i === 0) {
    const message = 'the first phase needs start and end dates; a duration counts from the end of the previous phase';
    issues.push(planError('relative_first_phase', ['phases', i, 'window'], message));
  }
  if (durationMs(window.duration) === 0) {
    issues.push(planError('window_empty', ['phases', i, 'window', 'duration'], 'a phase must last longer than 0'));
  }
  for (const key of ['duration', 'gap'] as const) {
    const text = window[key];
    if (text !== undefined && durationMs(text) % DAY_MS !== 0) {
      const message = `"${text}" is not whole days: the phase starts or ends at that hour, not at midnight`;
      issues.push(planWarning('window_not_whole_days', ['phases', i, 'window', key], message));
    }
  }
  return issues;
}

/** Windows run in the order written; a later phase may start on the previous end date, not before. */
export function checkPhaseWindows(phases: readonly (LoosePhase | undefined)[]): PlanIssue[] {
  const dates = resolvePhaseWindows(phases);
  const issues: PlanIssue[] = [];
  let previous: { dates: PhaseDates; index: number; name: string } | undefined;
  phases.forEach((phase, i) => {
    if (!phase) return;
    issues.push(...relativeWindowIssues(phase, i));
    const own = dates[i];
    if (!own) return;
    if (own.end < own.start && 'start' in (phase.window ?? {})) {
      const message = `the phase ends on ${own.end}, before it starts on ${own.start}`;
      issues.push(planError('window_ends_before_start', ['phases', i, 'window', 'end'], message));
    }
    const startPath =
      phase.window && 'start' in phase.window ? ['phases', i, 'window', 'start'] : ['phases', i, 'window'];
    if (previous) {
      const before = `the previous phase (phases[${previous.index}], ${previous.name})`;
      if (own.start < previous.dates.start) {
        const message = `starts on ${own.start}, before ${before} starts on ${previous.dates.start}; phases run in the order written`;
        issues.push(planError('phase_before_previous', startPath, message));
      } else if (own.start < previous.dates.end && !phase.mayOverlapPrevious) {
        const overlap = daysBetween(own.start, previous.dates.end);
        const message =
          `starts on ${own.start}, ${overlap} day${overlap === 1 ? '' : 's'} before ${before} ends on ` +
          `${previous.dates.end}; start on or after ${previous.dates.end}, or set mayOverlapPrevious: true`;
        issues.push(planError('phase_overlaps_previous', startPath, message));
      }
    }
    previous = { dates: own, index: i, name: phase.name ?? phase.id };
  });
  return issues;
}
