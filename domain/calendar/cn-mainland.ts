import { addDays } from './local-time';

/**
 * China's public holidays (法定节假日) and make-up working days (调休上班) as the State Council's
 * General Office publishes them each year, for `calendar: { preset: cn-mainland }`. One entry per
 * published year; each names its notice. Weekends are off unless listed under `workdays`.
 * test/domain/calendar/cn-mainland.test.ts checks every year against the notice's own wording.
 * A year not listed here is not published yet (or predates the preset): validation says so.
 */
export interface PublishedYear {
  source: string;
  /** Ranges of days off, inclusive: [first, last]. */
  daysOff: [string, string][];
  workdays: string[];
}

export const CN_MAINLAND: Readonly<Record<number, PublishedYear>> = {
  2021: {
    source: '国务院办公厅关于2021年部分节假日安排的通知（2020年11月）',
    daysOff: [
      ['2021-01-01', '2021-01-03'],
      ['2021-02-11', '2021-02-17'],
      ['2021-04-03', '2021-04-05'],
      ['2021-05-01', '2021-05-05'],
      ['2021-06-12', '2021-06-14'],
      ['2021-09-19', '2021-09-21'],
      ['2021-10-01', '2021-10-07'],
    ],
    workdays: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  2022: {
    source: '国务院办公厅关于2022年部分节假日安排的通知（2021年10月）',
    daysOff: [
      ['2022-01-01', '2022-01-03'],
      ['2022-01-31', '2022-02-06'],
      ['2022-04-03', '2022-04-05'],
      ['2022-04-30', '2022-05-04'],
      ['2022-06-03', '2022-06-05'],
      ['2022-09-10', '2022-09-12'],
      ['2022-10-01', '2022-10-07'],
    ],
    workdays: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  2023: {
    source: '国务院办公厅关于2023年部分节假日安排的通知（2022年12月）',
    daysOff: [
      ['2022-12-31', '2023-01-02'],
      ['2023-01-21', '2023-01-27'],
      ['2023-04-05', '2023-04-05'],
      ['2023-04-29', '2023-05-03'],
      ['2023-06-22', '2023-06-24'],
      ['2023-09-29', '2023-10-06'],
    ],
    workdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  2024: {
    source: '国务院办公厅关于2024年部分节假日安排的通知（2023年10月）',
    daysOff: [
      ['2024-01-01', '2024-01-01'],
      ['2024-02-10', '2024-02-17'],
      ['2024-04-04', '2024-04-06'],
      ['2024-05-01', '2024-05-05'],
      ['2024-06-10', '2024-06-10'],
      ['2024-09-15', '2024-09-17'],
      ['2024-10-01', '2024-10-07'],
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  2025: {
    source: '国务院办公厅关于2025年部分节假日安排的通知（2024年11月）',
    daysOff: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月）',
    daysOff: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

export const CALENDAR_PRESETS = ['cn-mainland'] as const;
export type CalendarPreset = (typeof CALENDAR_PRESETS)[number];

const PRESETS: Record<CalendarPreset, Readonly<Record<number, PublishedYear>>> = { 'cn-mainland': CN_MAINLAND };

/** Every day off and make-up workday a preset lists, as plain dates, and the years it covers. */
export function presetDays(preset: CalendarPreset): { daysOff: string[]; workdays: string[]; years: number[] } {
  const published = PRESETS[preset];
  const years = Object.keys(published).map(Number);
  const daysOff: string[] = [];
  const workdays: string[] = [];
  for (const year of years) {
    for (const [first, last] of published[year]!.daysOff) {
      for (let date = first; date <= last; date = addDays(date, 1)) daysOff.push(date);
    }
    workdays.push(...published[year]!.workdays);
  }
  return { daysOff, workdays, years };
}
