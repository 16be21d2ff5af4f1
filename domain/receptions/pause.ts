import { addDays, localToInstant } from '../calendar/local-time';
import type { ProgrammeContext } from './register';
import type { Pause, PauseRequest, ReceptionProgrammeState } from './register-schema';
import type { RotaEntry } from './rota';

/**
 * Pausing a reception programme (暂停接访, e.g. during an epidemic or a flood): while paused, the
 * leader on duty is not told, and a reception whose day the pause touches is suspended, neither
 * held nor missed. The pause lives in the programme's state as intervals of plan time, so every
 * alarm is judged by the pause in force at its own instant, even when a worker handles it late
 * or after continue-as-new. Summaries still go out: they report the suspended receptions.
 */

/** A programme paused and resumed this often in one year is misused; the bound keeps state small. */
export const PAUSES_PER_PROGRAMME = 100;

type Decision<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

const pausesOf = (state: ReceptionProgrammeState): Pause[] => state.pauses ?? [];

export function currentPause(state: ReceptionProgrammeState): Pause | undefined {
  const last = pausesOf(state).at(-1);
  return last && last.untilMs === undefined ? last : undefined;
}

export function pausedAt(state: ReceptionProgrammeState, atMs: number): boolean {
  return pausesOf(state).some((p) => p.fromMs <= atMs && (p.untilMs === undefined || atMs < p.untilMs));
}

/** Whether a pause touches the reception's day (local midnight to midnight). */
export function receptionSuspended(ctx: ProgrammeContext, state: ReceptionProgrammeState, entry: RotaEntry): boolean {
  const zone = ctx.plan.campaign.timeZone;
  const start = localToInstant(entry.date, '00:00', zone);
  const end = localToInstant(addDays(entry.date, 1), '00:00', zone);
  return pausesOf(state).some((p) => p.fromMs < end && (p.untilMs === undefined || p.untilMs > start));
}

export function planPause(state: ReceptionProgrammeState, input: PauseRequest, nowMs: number): Decision<Pause> {
  const open = currentPause(state);
  if (open) {
    return {
      ok: false,
      error: { code: 'already_paused', message: `the programme is already paused (${open.reason})` },
    };
  }
  if (pausesOf(state).length >= PAUSES_PER_PROGRAMME) {
    const message = `the programme was paused ${PAUSES_PER_PROGRAMME} times; no more pauses are kept`;
    return { ok: false, error: { code: 'too_many_pauses', message } };
  }
  return { ok: true, value: { fromMs: nowMs, by: input.by, reason: input.reason } };
}

export function planResume(state: ReceptionProgrammeState, nowMs: number): Decision<Pause> {
  const open = currentPause(state);
  if (!open) return { ok: false, error: { code: 'not_paused', message: 'the programme is not paused' } };
  return { ok: true, value: { ...open, untilMs: nowMs } };
}

/** The state with the pause begun, or the open pause ended. */
export function applyPause(state: ReceptionProgrammeState, pause: Pause): ReceptionProgrammeState {
  const pauses = pausesOf(state);
  const next = pause.untilMs === undefined ? [...pauses, pause] : [...pauses.slice(0, -1), pause];
  return { ...state, pauses: next };
}
