import { addDays } from '../calendar/local-time';
import { mondayOf, monthEnd } from './alarms';
import type { ReceptionProgrammeState } from './register-schema';
import type { RotaEntry } from './rota';
import { summarise, type ProgrammeSummary } from './summary';

/**
 * 每周汇总、每月通报 as the campaign report shows them: one row of counts per week (Monday to
 * Sunday) and per month that has a reception up to `today`. The same counts as the mails, from
 * the same rule (summary.ts), so the report and the notices never disagree.
 */

export type PeriodCounts = Omit<ProgrammeSummary, 'leaders' | 'cases'>;

export interface PeriodSummaries {
  weeks: PeriodCounts[];
  months: PeriodCounts[];
}

/** Periods shown at most: a year of weeks and of months, so the report stays bounded. */
export const MAX_PERIODS = 60;

function counts(rota: RotaEntry[], state: ReceptionProgrammeState, from: string, to: string): PeriodCounts {
  const { leaders: _leaders, cases: _cases, ...rest } = summarise(rota, state, from, to);
  return rest;
}

export function periodSummaries(rota: RotaEntry[], state: ReceptionProgrammeState, today: string): PeriodSummaries {
  const begun = rota.filter((e) => e.date <= today);
  const weeks = [...new Set(begun.map((e) => mondayOf(e.date)))].sort().slice(-MAX_PERIODS);
  const months = [...new Set(begun.map((e) => `${e.date.slice(0, 7)}-01`))].sort().slice(-MAX_PERIODS);
  return {
    weeks: weeks.map((monday) => counts(rota, state, monday, addDays(monday, 6))),
    months: months.map((first) => counts(rota, state, first, monthEnd(first))),
  };
}
