import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../domain/clock/time-units';
import { formatInstant } from '../../domain/calendar/local-time';

/** "3d 4h", "5h 10m", "12m": the two largest units are enough to act on. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE_MS) return `${Math.round(abs / 1000)}s`;
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((abs % HOUR_MS) / MINUTE_MS);
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes > 0 ? `${hours}h ${minutes}m` : `${hours}h`;
  return `${minutes}m`;
}

/** An instant in the plan's zone, as everyone in the campaign reads it: "2026-04-14 18:00". */
export function formatTime(ms: number | undefined, timeZone: string): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  return formatInstant(ms, timeZone, 'zh');
}

/** The zone of the machine, for lists of campaigns that may each have another plan zone. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
