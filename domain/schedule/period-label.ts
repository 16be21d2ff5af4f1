import { durationMs } from '../plan/duration';
import type { Recurrence } from '../plan/schema';

const WEEK_MS = 7 * 86_400_000;

/**
 * Which period one occurrence of a recurring report covers, as mails and report rows name it:
 * - `every: 1w` → "第5周" (the fifth weekly report of the deliverable, counted from its first);
 * - any other `every` → "第5期";
 * - `monthlyOnDay` → the month, "2017年1月": the month it falls due in, or the month before when the
 *   plan says `period: previous-month` ("每月5日前上报上月情况").
 */
export function periodLabel(
  recurrence: Recurrence,
  occurrence: { index: number; date: string },
  locale: 'zh' | 'en',
): string {
  if ('every' in recurrence) {
    const n = occurrence.index + 1;
    if (durationMs(recurrence.every) === WEEK_MS) return locale === 'zh' ? `第${n}周` : `week ${n}`;
    return locale === 'zh' ? `第${n}期` : `period ${n}`;
  }
  let year = Number(occurrence.date.slice(0, 4));
  let month = Number(occurrence.date.slice(5, 7));
  if (recurrence.period === 'previous-month') {
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
  }
  return locale === 'zh' ? `${year}年${month}月` : `${year}-${String(month).padStart(2, '0')}`;
}

/** The title an occurrence is shown under: the deliverable's title with its period. */
export function titleWithPeriod(title: string, period: string, locale: 'zh' | 'en'): string {
  return locale === 'zh' ? `${title}（${period}）` : `${title} (${period})`;
}
