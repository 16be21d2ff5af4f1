import { closest, distance } from 'fastest-levenshtein';

/**
 * "did you mean …" for an id that names nothing: the closest known id by edit distance, when it is
 * close enough to be a typo (at most a third of the id's length, and at least 1 or 2 edits).
 */
export function didYouMean(wanted: string, known: Iterable<string>): string {
  const candidates = [...known];
  if (candidates.length === 0) return '';
  const best = closest(wanted, candidates);
  const allowed = Math.max(wanted.length <= 4 ? 1 : 2, Math.floor(wanted.length / 3));
  return distance(wanted, best) <= allowed ? `; did you mean "${best}"?` : '';
}
