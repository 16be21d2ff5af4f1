/** Durations in plan files are written the way offices speak: "2d", "1w", "12h", "1d12h", "30m", "0d". */
const DURATION_PATTERN = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

import { DAY_MS, HOUR_MS, MINUTE_MS } from '../clock/time-units';

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

/** Whole days in a duration and what is left over ("1d12h" → 1 day and 12 hours). */
export function durationDays(text: string): { days: number; remainderMs: number } {
  const ms = durationMs(text);
  return { days: Math.floor(ms / DAY_MS), remainderMs: ms % DAY_MS };
}
