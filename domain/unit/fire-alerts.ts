import { isoInstant } from '../clock/time-units';
import type { Alert } from '../schedule/obligations';
import type { UnitCommand, UnitOutcome } from './unit-commands';
import { appendLog, type Obligation, type UnitState } from './unit-state';

function deliverableRef(o: Obligation) {
  return {
    phaseId: o.phaseId,
    phaseName: o.phaseName,
    deliverableId: o.deliverableId,
    deliverableTitle: o.title,
    dueAt: isoInstant(o.dueMs),
  };
}

/** Only open obligations are chased: a unit that submitted on time hears nothing more about it. */
function commandFor(state: UnitState, o: Obligation, alert: Alert): UnitCommand[] {
  const unit = { unitId: state.unitId, unitName: state.unitName };
  const lateByMs = Math.max(0, alert.atMs - o.dueMs);
  const eventKey = `${o.key}:${alert.type}:${alert.atMs}`;
  if (alert.type === 'reminder') {
    return [
      {
        type: 'notify',
        eventKey,
        atMs: alert.atMs,
        audience: ['unit-contact'],
        body: { kind: 'due_soon', ...unit, ...deliverableRef(o) },
      },
    ];
  }
  if (alert.type === 'overdue') {
    return [
      {
        type: 'notify',
        eventKey,
        atMs: alert.atMs,
        audience: ['unit-contact'],
        body: { kind: 'overdue', ...unit, ...deliverableRef(o), lateByMs },
      },
    ];
  }
  const commands: UnitCommand[] = [
    {
      type: 'notify',
      eventKey,
      atMs: alert.atMs,
      audience: alert.notify.filter((a) => a !== 'all-units'),
      body: {
        kind: 'escalation',
        ...unit,
        ...deliverableRef(o),
        lateByMs,
        step: alert.step,
        stepLabel: alert.label,
        accountability: alert.accountability,
      },
    },
  ];
  if (alert.publicNotice || alert.notify.includes('all-units')) {
    commands.push({
      type: 'notify',
      eventKey: `${eventKey}:notice`,
      atMs: alert.atMs,
      audience: ['all-units'],
      body: { kind: 'public_notice', ...unit, ...deliverableRef(o), lateByMs, accountability: alert.accountability },
    });
  }
  return commands.filter((c) => c.audience.length > 0);
}

/**
 * Deals with every alert whose time has come, oldest first. While reminders are paused, alerts
 * that come due are passed over rather than saved up, so resuming does not flood the units.
 */
export function fireDueAlerts(state: UnitState, nowMs: number): UnitOutcome<UnitState> {
  if (state.ended) return { state, commands: [] };
  const commands: UnitCommand[] = [];
  let { log, marks, escalations } = state;
  const obligations = state.obligations.map((o): Obligation => {
    let next = o;
    while (next.alertsDone < next.alerts.length && next.alerts[next.alertsDone]!.atMs <= nowMs) {
      const alert = next.alerts[next.alertsDone]!;
      next = { ...next, alertsDone: next.alertsDone + 1 };
      if (state.paused || next.state !== 'open') continue;
      commands.push(...commandFor(state, next, alert));
      if (alert.type === 'reminder') next = { ...next, remindersSent: next.remindersSent + 1 };
      if (alert.type === 'escalation') {
        next = { ...next, escalationStep: alert.step };
        const entry = {
          key: o.key,
          title: o.title,
          phaseId: o.phaseId,
          step: alert.step,
          label: alert.label,
          atMs: alert.atMs,
        };
        escalations = [
          ...escalations,
          { ...entry, publicNotice: alert.publicNotice, accountability: alert.accountability },
        ];
        if (alert.accountability) marks = [...marks, { ...entry, lateByMs: alert.atMs - o.dueMs }];
        log = appendLog(
          { ...state, log },
          { atMs: alert.atMs, what: `escalation step ${alert.step} for "${o.title}"`, key: o.key },
        );
      }
    }
    return next;
  });
  return { state: { ...state, obligations, marks, escalations, log }, commands };
}

/** The next plan time at which something is due to happen, if anything is. */
export function nextAlertMs(state: UnitState): number | undefined {
  if (state.ended) return undefined;
  let next: number | undefined;
  for (const o of state.obligations) {
    if (o.state !== 'open') continue;
    const alert = o.alerts[o.alertsDone];
    if (alert && (next === undefined || alert.atMs < next)) next = alert.atMs;
  }
  return next;
}
