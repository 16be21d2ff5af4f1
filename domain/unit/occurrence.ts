import { instantToLocal } from '../calendar/local-time';
import type { Obligation } from './unit-state';

/**
 * The dates one occurrence of a deliverable can be named by. Its key carries the planned date
 * ("weekly@2017-01-27"); a holiday may postpone the due date (遇节假日顺延), and `todo` shows the date
 * the unit must actually meet. A unit may name either; messages say both when they differ.
 */
export interface OccurrenceDates {
  /** The date the plan's rule gives, before postponement; absent for a one-off deliverable. */
  planned?: string;
  /** The local date the occurrence is due on. */
  due: string;
}

export function occurrenceDates(obligation: Pick<Obligation, 'key' | 'dueMs'>, timeZone: string): OccurrenceDates {
  const at = obligation.key.indexOf('@');
  const due = instantToLocal(obligation.dueMs, timeZone).date;
  return at < 0 ? { due } : { planned: obligation.key.slice(at + 1), due };
}

export function isNamedBy(obligation: Pick<Obligation, 'key' | 'dueMs'>, date: string, timeZone: string): boolean {
  const dates = occurrenceDates(obligation, timeZone);
  return dates.due === date || dates.planned === date;
}

/** "2017-02-03 (planned 2017-02-02, postponed)" or just "2017-02-03". */
export function describeOccurrence(obligation: Pick<Obligation, 'key' | 'dueMs'>, timeZone: string): string {
  const { planned, due } = occurrenceDates(obligation, timeZone);
  return planned !== undefined && planned !== due ? `${due} (planned ${planned}, postponed)` : due;
}
