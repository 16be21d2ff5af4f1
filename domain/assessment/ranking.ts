import type { Decimal } from './decimal';

/**
 * Ranks by published total, highest first. Equal totals are ordered by the plan's tie-break items
 * (their published scores, in turn); entrants still equal share a rank (1, 2, 2, 4) and are listed
 * in plan order. The ranking holds every entrant exactly once.
 */

export interface Rankable {
  entrant: string;
  total: Decimal;
  /** The published scores of the tie-break items, in the plan's order. */
  tieKeys: Decimal[];
}

function compare(a: Rankable, b: Rankable): number {
  const byTotal = b.total.cmp(a.total);
  if (byTotal !== 0) return byTotal;
  for (let i = 0; i < Math.max(a.tieKeys.length, b.tieKeys.length); i += 1) {
    const left = a.tieKeys[i];
    const right = b.tieKeys[i];
    if (left && right && !left.eq(right)) return right.cmp(left);
  }
  return 0;
}

export function rank<T extends Rankable>(entries: readonly T[]): (T & { rank: number })[] {
  const order = entries.map((entry, index) => ({ entry, index }));
  order.sort((a, b) => compare(a.entry, b.entry) || a.index - b.index);
  const ranked: (T & { rank: number })[] = [];
  order.forEach(({ entry }, position) => {
    const previous = ranked[position - 1];
    const shared = previous !== undefined && compare(previous, entry) === 0;
    ranked.push({ ...entry, rank: shared ? previous.rank : position + 1 });
  });
  return ranked;
}
