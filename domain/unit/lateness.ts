import type { Obligation } from './unit-state';

/**
 * How late a submitted report counts. A return (退回) sends a report back for correction; it does
 * not wipe out the delay of the first submission. The rule, stated once: a report is as late as
 * the latest of its submissions was against the due date in force when it was made — the first
 * against the plan's due date, a resubmission against the new due date the return set. So a report
 * first filed 3 days late and refiled on time after a return stays 3 days late; one first filed on
 * time and refiled after the return's due date is late by that much.
 */
export function recordedLateByMs(obligation: Pick<Obligation, 'submission' | 'returnedSubmissions'>): number {
  let late = obligation.submission?.lateByMs ?? 0;
  for (const earlier of obligation.returnedSubmissions) late = Math.max(late, earlier.lateByMs);
  return late;
}
