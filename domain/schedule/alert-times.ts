import { addDays, instantToLocal, localToInstant } from '../calendar/local-time';
import { DAY_MS } from '../clock/time-units';
import { durationMs } from '../plan/duration';
import type { EscalationStep, Reminder } from '../plan/schema';

/**
 * "2 days before, at 09:00" counts calendar days in the plan's time zone, then takes that local
 * time; without `at` the offset is exact. The same rule, mirrored, places escalation steps.
 */
function offsetFrom(baseMs: number, offset: string, at: string | undefined, sign: 1 | -1, timeZone: string): number {
  const ms = durationMs(offset);
  if (at === undefined) return baseMs + sign * ms;
  const days = Math.floor(ms / DAY_MS);
  const localDate = instantToLocal(baseMs, timeZone).date;
  return localToInstant(addDays(localDate, sign * days), at, timeZone);
}

export function reminderTimes(dueMs: number, reminders: Reminder[], timeZone: string): number[] {
  return reminders
    .map((r) => offsetFrom(dueMs, r.before, r.at, -1, timeZone))
    .filter((t) => t < dueMs)
    .sort((a, b) => a - b);
}

export function escalationTimes(dueMs: number, ladder: EscalationStep[], timeZone: string): number[] {
  return ladder.map((step) => Math.max(dueMs, offsetFrom(dueMs, step.after, step.at, 1, timeZone)));
}
