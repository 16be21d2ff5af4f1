import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../domain/clock/time-units';
import type { NotificationRequest } from '../../../domain/notifications/notification';

export type Locale = NotificationRequest['locale'];

/** Picks the text for the message's locale; keeps both languages side by side in each template. */
export function pick(locale: Locale, zh: string, en: string): string {
  return locale === 'zh' ? zh : en;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // hourCycle h23: some engines print midnight as "24:00" with hour12: false.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * "2026-04-14 18:00" in the plan's time zone: a county office reads due dates in its own local
 * time, whatever zone the worker's host runs in.
 */
export function formatPlanTime(instant: string | number, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** A duration like "2天3小时" / "2 days 3 hours"; under an hour it counts minutes so it is never empty. */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.max(0, ms);
  const days = Math.floor(total / DAY_MS);
  const hours = Math.floor((total % DAY_MS) / HOUR_MS);
  if (days === 0 && hours === 0) {
    const minutes = Math.max(1, Math.round(total / MINUTE_MS));
    return pick(locale, `${minutes}分钟`, plural(minutes, 'minute'));
  }
  const zh = `${days > 0 ? `${days}天` : ''}${hours > 0 ? `${hours}小时` : ''}`;
  const en = [days > 0 ? plural(days, 'day') : '', hours > 0 ? plural(hours, 'hour') : ''].filter(Boolean).join(' ');
  return pick(locale, zh, en);
}

/** "逾期2天3小时" / "2 days 3 hours late". */
export function formatLateBy(ms: number, locale: Locale): string {
  const duration = formatDuration(ms, locale);
  return pick(locale, `逾期${duration}`, `${duration} late`);
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every plan-supplied string (titles, names, reasons) passes through here before it enters HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}
