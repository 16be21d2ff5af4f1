import type { Assessment, Award } from '../plan/assessment-schema';
import { dec, type Decimal } from './decimal';
import type { ScoreIssue } from './score-sheet';

/**
 * Awards in the plan's order: each tier takes the best-ranked entrants that have no award yet and
 * are not vetoed, from each group (per: group) or from the whole field, at most `count` of them,
 * none under `minScore`, or all that are left (`rest`). So "一等奖 1 per grade band, then 二等奖 6
 * of the rest by rank, then 优秀奖 for the others" and "示范课 from 90, 优质课 from 80, 达标 from
 * 60" are the same rule. Entrants tied at a tier's last place all get it, or none does (tiesAtCutoff).
 */

export interface AwardCandidate {
  entrant: string;
  group?: string;
  total: Decimal;
  rank: number;
  vetoed: boolean;
}

export interface AwardList {
  id: string;
  name: string;
  entrants: string[];
}

export interface AwardOutcome {
  lists: AwardList[];
  awardOf: Map<string, { id: string; name: string }>;
  notes: ScoreIssue[];
}

function takeWithTies(award: Award, pool: AwardCandidate[], ties: Assessment['tiesAtCutoff'], notes: ScoreIssue[]) {
  const count = award.count;
  if (count === undefined || pool.length <= count) return pool;
  const cut = pool[count - 1]?.rank ?? 0;
  const better = pool.filter((c) => c.rank < cut);
  const tied = pool.filter((c) => c.rank === cut);
  if (better.length + tied.length <= count) return pool.slice(0, count);
  const names = tied.map((c) => c.entrant).join(', ');
  if (ties === 'all') {
    const message = `${award.name}: ${names} tie at place ${cut} and all receive it, ${better.length + tied.length} instead of ${count}`;
    notes.push({ severity: 'warning', code: 'tie_at_cutoff', message });
    return [...better, ...tied];
  }
  const message = `${award.name}: ${names} tie at place ${cut} and none receives it, ${better.length} instead of ${count}`;
  notes.push({ severity: 'warning', code: 'tie_at_cutoff', message });
  return better;
}

/** `ranking` is in rank order. */
export function giveAwards(assessment: Assessment, ranking: readonly AwardCandidate[]): AwardOutcome {
  const awardOf = new Map<string, { id: string; name: string }>();
  const notes: ScoreIssue[] = [];
  const lists = assessment.awards.map((award) => {
    const eligible = ranking.filter(
      (c) => !c.vetoed && !awardOf.has(c.entrant) && (award.minScore === undefined || c.total.gte(dec(award.minScore))),
    );
    const pools =
      award.per === 'group'
        ? assessment.groups.map((group) => eligible.filter((c) => c.group === group.id))
        : [eligible];
    const taken = pools.flatMap((pool) => takeWithTies(award, pool, assessment.tiesAtCutoff, notes));
    for (const c of taken) awardOf.set(c.entrant, { id: award.id, name: award.name });
    // Listed in rank order, whichever group each came from.
    const entrants = ranking.filter((c) => taken.includes(c)).map((c) => c.entrant);
    return { id: award.id, name: award.name, entrants };
  });
  return { lists, awardOf, notes };
}
