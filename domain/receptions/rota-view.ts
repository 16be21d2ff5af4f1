import { weekdayOf } from '../calendar/local-time';
import type { ReceptionProgramme } from '../plan/reception-schema';
import type { RotaEntry } from './rota';

/**
 * The rota as the office publishes it (公示): one row per reception, in Chinese, the same rows
 * for the terminal table, CSV, XLSX and the HTML page. A substitution made on the server shows
 * as the substitute's name with the rostered leader in brackets (补位).
 */

export const ROTA_HEADERS = ['日期', '星期', '类型', '接访领导', '职务', '地点', '时间', '备注'] as const;

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export interface RotaRow {
  id: string;
  programmeId: string;
  date: string;
  cells: string[];
}

export interface RotaSubstitution {
  receptionId: string;
  name: string;
  title?: string;
}

function remark(entry: RotaEntry, substitute: RotaSubstitution | undefined): string {
  const notes: string[] = [];
  if (entry.date !== entry.scheduled) notes.push(`原定${entry.scheduled}，遇节假日顺延`);
  if (entry.clampedFrom !== undefined) notes.push(`本月无${entry.clampedFrom}日，改为月末`);
  if (substitute) notes.push(`补位：${substitute.name}代${entry.rostered?.name ?? ''}接访`);
  return notes.join('；');
}

/** The substitutions a programme recorded (its receptions as a query shows them), as the rota names them. */
export function substitutionsOf(
  receptions: readonly { id: string; substitution?: { name: string; title?: string } }[],
): RotaSubstitution[] {
  return receptions.flatMap(({ id, substitution }) =>
    substitution
      ? [{ receptionId: id, name: substitution.name, ...(substitution.title ? { title: substitution.title } : {}) }]
      : [],
  );
}

export function rotaRows(entries: RotaEntry[], substitutions: RotaSubstitution[] = []): RotaRow[] {
  const byReception = new Map(substitutions.map((s) => [s.receptionId, s]));
  return entries.map((entry) => {
    const substitute = byReception.get(entry.id);
    const who = substitute ?? entry.rostered;
    return {
      id: entry.id,
      programmeId: entry.programmeId,
      date: entry.date,
      cells: [
        entry.date,
        WEEKDAYS[weekdayOf(entry.date) - 1] ?? '',
        entry.type === 'outreach' ? `下访（${entry.programmeName}）` : entry.programmeName,
        who?.name ?? '（未排班）',
        who?.title ?? '',
        entry.place,
        `${entry.start}–${entry.end}`,
        remark(entry, substitute),
      ],
    };
  });
}

const WEEKDAY_WORDS = ['一', '二', '三', '四', '五', '六', '日'];

/** The rule in the words a notice uses: "每月1日、16日，遇节假日顺延". */
export function ruleWords(programme: ReceptionProgramme): string {
  const { rule } = programme;
  const when =
    rule.kind === 'days-of-month'
      ? `每月${rule.days.map((d) => `${d}日`).join('、')}`
      : rule.kind === 'weekdays'
        ? `每周${rule.weekdays.map((d) => WEEKDAY_WORDS[d - 1] ?? '').join('、')}`
        : rule.every === 1
          ? '每个工作日'
          : `每${rule.every}个工作日一次`;
  const dayOff = { postpone: '遇节假日顺延', skip: '遇节假日停接', keep: '节假日照常' }[programme.onDayOff];
  return rule.kind === 'working-days' ? `${programme.name}：${when}` : `${programme.name}：${when}，${dayOff}`;
}
