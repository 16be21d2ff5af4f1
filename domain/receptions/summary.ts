import type { ReceptionProgrammeState } from './register-schema';
import { onDuty } from './register';
import type { RotaEntry } from './rota';

/**
 * 每周汇总、每月通报: what a programme did in a period, counted from its rota and register.
 * Receptions not yet over at `asOfDate` are counted as scheduled only.
 */

export interface LeaderTally {
  name: string;
  scheduled: number;
  held: number;
  missed: number;
  /** Receptions this person covered for another (补位). */
  substituted: number;
}

export interface HandedOverRow {
  date: string;
  unitId: string;
  title: string;
  caseId?: string;
  filingError?: string;
}

export interface ProgrammeSummary {
  from: string;
  to: string;
  scheduled: number;
  held: number;
  missed: number;
  substituted: number;
  /** Receptions whose day fell in a pause (暂停). */
  suspended: number;
  visitors: number;
  answeredOnSpot: number;
  handedOver: number;
  casesFiled: number;
  leaders: LeaderTally[];
  cases: HandedOverRow[];
}

export function summarise(
  rota: RotaEntry[],
  state: ReceptionProgrammeState,
  from: string,
  to: string,
): ProgrammeSummary {
  const inPeriod = rota.filter((e) => e.date >= from && e.date <= to);
  const tallies = new Map<string, LeaderTally>();
  const tally = (key: string, name: string) => {
    const found = tallies.get(key) ?? { name, scheduled: 0, held: 0, missed: 0, substituted: 0 };
    tallies.set(key, found);
    return found;
  };
  const summary: ProgrammeSummary = {
    from,
    to,
    scheduled: inPeriod.length,
    held: 0,
    missed: 0,
    substituted: 0,
    suspended: 0,
    visitors: 0,
    answeredOnSpot: 0,
    handedOver: 0,
    casesFiled: 0,
    leaders: [],
    cases: [],
  };
  for (const entry of inPeriod) {
    const duty = onDuty(state, entry);
    const row = tally(duty?.key ?? '?', duty?.name ?? '（未排班）');
    row.scheduled += 1;
    const record = state.records[entry.id];
    if (state.substitutions[entry.id]) {
      summary.substituted += 1;
      row.substituted += 1;
    }
    if (state.suspended?.[entry.id]) summary.suspended += 1;
    if (state.missed[entry.id]) {
      summary.missed += 1;
      row.missed += 1;
    }
    if (!record) continue;
    summary.held += 1;
    row.held += 1;
    for (const visitor of record.visitors) {
      summary.visitors += 1;
      if (!visitor.handOver) {
        summary.answeredOnSpot += 1;
        continue;
      }
      summary.handedOver += 1;
      if (visitor.caseId) summary.casesFiled += 1;
      summary.cases.push({
        date: entry.date,
        unitId: visitor.handOver.unit,
        title: visitor.handOver.title ?? visitor.matter.slice(0, 60),
        ...(visitor.caseId ? { caseId: visitor.caseId } : {}),
        ...(visitor.filingError ? { filingError: visitor.filingError } : {}),
      });
    }
  }
  summary.leaders = [...tallies.values()];
  return summary;
}
