import type { Alert } from '../schedule/obligations';
import type { Obligation } from './unit-state';

/**
 * A new due date (a return or an extension) moves every alert by the same amount, and the ones
 * that would now lie in the past are treated as done: a unit is not reminded of what it was just
 * given more time for. Alerts of the old schedule that already fired stay counted.
 */
export function alertsWithNewDue(
  obligation: Obligation,
  newDueMs: number,
  nowMs: number,
): Pick<Obligation, 'alerts' | 'alertsDone' | 'escalationStep'> {
  const shift = newDueMs - obligation.dueMs;
  const alerts: Alert[] = obligation.alerts
    .map((a) => ({ ...a, atMs: a.atMs + shift }))
    .sort((a, b) => a.atMs - b.atMs);
  const alertsDone = alerts.filter((a) => a.atMs <= nowMs).length;
  return { alerts, alertsDone, escalationStep: 0 };
}
