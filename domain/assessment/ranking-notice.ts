import type { Plan } from '../plan/schema';
import type { RankingNotice } from '../plan/assessment-schema';
import { fixed } from './decimal';
import { FACT_NAMES, factValue, NO_FACTS, type UnitFacts } from './facts';
import { rank } from './ranking';

/**
 * A periodic ranking notice (排名通报) during the campaign: every unit of the plan ranked by the
 * rates the plan names, the first deciding and the next breaking ties; units still equal share a
 * rank. Rates are exact (domain/assessment/facts.ts) and published as percentages with one
 * decimal. A unit that owed nothing yet or filed no case shows "—" for that rate and counts as
 * having missed nothing, as in the assessment itself.
 */

export interface RankingNoticeRow {
  rank: number;
  unitId: string;
  unitName: string;
  values: string[];
}

function shown(facts: UnitFacts, fact: RankingNotice['rankBy'][number]): string {
  const empty = fact === 'on-time-rate' ? facts.owed === 0 : facts.casesFiled === 0;
  return `${FACT_NAMES[fact]} ${empty ? '—' : `${fixed(factValue(facts, fact).times(100), 1)}%`}`;
}

export function rankingNoticeRows(
  plan: Plan,
  notice: RankingNotice,
  facts: Record<string, UnitFacts>,
): RankingNoticeRow[] {
  const entries = plan.units.map((unit) => {
    const unitFacts = facts[unit.id] ?? NO_FACTS;
    const [first, ...rest] = notice.rankBy.map((fact) => factValue(unitFacts, fact));
    return {
      entrant: unit.id,
      unitName: unit.name,
      total: first ?? factValue(unitFacts, 'on-time-rate'),
      tieKeys: rest,
      values: notice.rankBy.map((fact) => shown(unitFacts, fact)),
    };
  });
  return rank(entries).map((e) => ({ rank: e.rank, unitId: e.entrant, unitName: e.unitName, values: e.values }));
}

export const rankingColumns = (notice: RankingNotice): string[] => notice.rankBy.map((fact) => FACT_NAMES[fact]);
