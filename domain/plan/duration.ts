/** Durations in plan files are written the way offices speak: "2d", "1w", "12h", "1d12h", "30m", "0d". */
const DURATION_PATTERN = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function isDuration(text: string): boolean {
  return text.length > 0 && DURATION_PATTERN.test(text);
}

/** Milliseconds in a duration string; throws on text that `isDuration` rejects (schemas check first). */
export function durationMs(text: string): number {
  const match = DURATION_PATTERN.exec(text);
  if (!match || text.length === 0) throw new Error(`not a duration: "${text}"`);
  const [, w, d, h, m] = match;
  return (Number(w ?? 0) * 7 + Number(d ?? 0)) * DAY_MS + Number(h ?? 0) * HOUR_MS + Number(m ?? 0) * MINUTE_MS;
}

/** Whole days in a duration, for rules that move by calendar days (reminders "2 days before, at 09:00"). */
export function durationDays(text: string): { days: number; remainderMs: number } {
  const ms = durationMs(text);
  return { days: Math.floor(ms / DAY_MS), remainderMs: ms % DAY_MS };
}

export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const days = Math.floor(rest / DAY_MS);
  rest -= days * DAY_MS;
  const hours = Math.floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = Math.floor(rest / MINUTE_MS);
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''].filter(Boolean);
  return sign + (parts.length ? parts.join('') : '0m');
}
