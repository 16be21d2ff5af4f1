import { formatInstant } from '../../domain/calendar/local-time';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../domain/clock/time-units';
import type { Lang } from './i18n';

/** An instant in the campaign's zone, as everyone in the campaign reads it: "2026-04-14 18:00". */
export function when(ms: number | undefined, timeZone: string): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  return formatInstant(ms, timeZone, 'zh');
}

/** "3天4小时" / "3d 4h": the two largest units are enough to act on. */
export function duration(ms: number, lang: Lang): string {
  const abs = Math.abs(ms);
  const [d, h, m] = lang === 'zh' ? ['天', '小时', '分钟'] : ['d ', 'h ', 'm'];
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((abs % HOUR_MS) / MINUTE_MS);
  const parts =
    days > 0
      ? [`${days}${d}`, hours > 0 ? `${hours}${h}` : '']
      : hours > 0
        ? [`${hours}${h}`, minutes > 0 ? `${minutes}${m}` : '']
        : [`${minutes}${m}`];
  return parts.join('').trim();
}

export const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
