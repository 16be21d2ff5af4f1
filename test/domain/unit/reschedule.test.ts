import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../domain/schedule/obligations';
import type { Obligation } from '../../../domain/unit/unit-state';
import { alertsWithNewDue } from '../../../domain/unit/reschedule';
import { beijing } from '../../support/plans';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const due = beijing('2026-04-15', '18:00');
const escalation = (atMs: number, step: number): Alert => ({
  type: 'escalation',
  atMs,
  step,
  notify: ['unit-head'],
  publicNotice: step === 2,
  accountability: step === 2,
});
const alerts: Alert[] = [
  { type: 'reminder', atMs: due - 9 * HOUR },
  { type: 'overdue', atMs: due },
  escalation(due + DAY, 1),
  escalation(due + 2 * DAY, 2),
];

/** An obligation two days overdue: its reminder, overdue notice and first escalation have fired. */
const overdue = {
  key: 'members',
  deliverableId: 'members',
  dueMs: due,
  alerts,
  alertsDone: 3,
  escalationStep: 1,
} as unknown as Obligation;

const times = (list: Alert[]) => list.map((a) => [a.type, a.atMs]);

describe('alerts after a new due date (a return or an extension)', () => {
  it('move every alert by the same amount as the due date, keeping what each one is', () => {
    const moved = alertsWithNewDue(overdue, due + 5 * DAY, due - DAY);
    expect(times(moved.alerts)).toEqual(times(alerts).map(([type, at]) => [type, (at as number) + 5 * DAY]));
    expect(moved.alerts[3]).toMatchObject({ step: 2, publicNotice: true, accountability: true });
  });

  it('count as done the moved alerts that still lie in the past, so no reminder repeats what was just given', () => {
    // Extended by one day, just under two days after the old due date: the moved reminder and overdue notice are past.
    const moved = alertsWithNewDue(overdue, due + DAY, due + 2 * DAY - 1);
    expect(moved.alertsDone).toBe(2);
    expect(moved.alerts[moved.alertsDone]).toMatchObject({ type: 'escalation', step: 1, atMs: due + 2 * DAY });
  });

  it('count an alert falling exactly now as done', () => {
    expect(alertsWithNewDue(overdue, due + DAY, due - 9 * HOUR + DAY).alertsDone).toBe(1);
  });

  it('start the escalation ladder again from its first step', () => {
    expect(alertsWithNewDue(overdue, due + 10 * DAY, due + 2 * DAY).escalationStep).toBe(0);
  });

  it('may move alerts earlier (a return with a closer date), still in time order', () => {
    const shuffled = { ...overdue, alerts: [alerts[2]!, alerts[0]!, alerts[3]!, alerts[1]!] };
    const moved = alertsWithNewDue(shuffled, due - DAY, due - 3 * DAY);
    expect(moved.alerts.map((a) => a.atMs)).toEqual(alerts.map((a) => a.atMs - DAY));
    expect(moved.alertsDone).toBe(0);
  });

  it('leave the obligation it was given untouched', () => {
    const before = JSON.stringify(overdue);
    alertsWithNewDue(overdue, due + DAY, due + 2 * DAY);
    expect(JSON.stringify(overdue)).toBe(before);
  });
});
