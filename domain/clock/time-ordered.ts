/**
 * Adds an entry to a log kept in plan-time order, keeping at most `limit` (the oldest go first).
 * Entries may arrive after later ones (a unit reports an escalation after the fact, or fires
 * several alerts at once after a worker was down); equal times keep their arrival order.
 */
export function insertByTime<T extends { atMs: number }>(log: readonly T[], entry: T, limit: number): T[] {
  let at = log.length;
  while (at > 0 && log[at - 1]!.atMs > entry.atMs) at -= 1;
  const next = [...log.slice(0, at), entry, ...log.slice(at)];
  return next.length > limit ? next.slice(next.length - limit) : next;
}
