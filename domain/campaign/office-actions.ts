import type { Plan, Unit } from '../plan/schema';
import type { CampaignCommand } from './campaign-commands';
import { openPhaseEvent } from './phase-progression';
import { findUnit } from './roster';
import { OK, reject, type ActionCheck, type ActionOutcome } from './rule-result';
import { withTimeline, type CampaignState } from './campaign-state';

/** Whether the campaign runs with credentials, and whether the new unit comes with its own. */
export interface AddUnitCredentials {
  campaign: boolean;
  unit: boolean;
}

export function checkAddUnit(
  plan: Plan,
  state: CampaignState,
  unit: Unit,
  credentials: AddUnitCredentials = { campaign: false, unit: false },
): ActionCheck {
  if (state.status !== 'running') return reject('campaign_not_running', `the campaign is ${state.status}`);
  // Under credentials a unit needs its chains from the start, or no one could act for it.
  if (credentials.campaign && !credentials.unit) {
    return reject(
      'credentials_required',
      'this campaign runs with credentials: add the unit with `campaign add-unit`, which issues its credential',
    );
  }
  if (findUnit(plan, state, unit.id))
    return reject('unit_exists', `a unit with id "${unit.id}" already takes part`, ['unit', 'id']);
  if (unit.parent && !findUnit(plan, state, unit.parent)) {
    return reject('unknown_parent', `the parent unit "${unit.parent}" does not take part`, ['unit', 'parent']);
  }
  return OK;
}

/**
 * A unit added mid-campaign gets its workflow (started by an event numbered 0, which it ignores),
 * then is told about every phase already open, as if it had been there.
 */
export function addUnit(plan: Plan, state: CampaignState, unit: Unit, by: string, nowMs: number): ActionOutcome {
  let seq = state.seq;
  const commands: CampaignCommand[] = [
    { type: 'broadcast', units: [unit.id], start: true, event: { type: 'paused', seq: 0, by } },
  ];
  state.phases.forEach((record, index) => {
    if (record.status === 'open' && record.window) {
      seq += 1;
      commands.push({
        type: 'broadcast',
        units: [unit.id],
        event: openPhaseEvent(plan, state, index, seq, record.window.startMs).event,
      });
    }
  });
  return {
    state: {
      ...state,
      seq,
      addedUnits: [...state.addedUnits, unit],
      timeline: withTimeline(state, { atMs: nowMs, what: `unit ${unit.name} added by ${by}`, unitId: unit.id }),
    },
    commands,
  };
}

export function checkPause(state: CampaignState, pause: boolean): ActionCheck {
  if (state.status !== 'running') return reject('campaign_not_running', `the campaign is ${state.status}`);
  if (state.paused === pause)
    return reject(
      pause ? 'already_paused' : 'not_paused',
      pause ? 'reminders are already paused' : 'reminders are not paused',
    );
  return OK;
}

export function setPaused(state: CampaignState, pause: boolean, by: string, nowMs: number): ActionOutcome {
  const seq = state.seq + 1;
  return {
    state: {
      ...state,
      seq,
      paused: pause,
      timeline: withTimeline(state, { atMs: nowMs, what: `reminders ${pause ? 'paused' : 'resumed'} by ${by}` }),
    },
    commands: [{ type: 'broadcast', units: 'all', event: { type: pause ? 'paused' : 'resumed', seq, by } }],
  };
}

export function checkCancel(state: CampaignState, reason: string): ActionCheck {
  if (state.status !== 'running') return reject('campaign_not_running', `the campaign is already ${state.status}`);
  if (reason.trim() === '')
    return reject('no_reason', 'cancelling a campaign needs a reason; the units are told it', ['reason']);
  return OK;
}

export function cancelCampaign(state: CampaignState, reason: string, by: string, nowMs: number): ActionOutcome {
  const seq = state.seq + 1;
  return {
    state: {
      ...state,
      seq,
      status: 'cancelled',
      cancelled: { reason, by, atMs: nowMs },
      timeline: withTimeline(state, { atMs: nowMs, what: `campaign cancelled by ${by}: ${reason}` }),
    },
    commands: [
      { type: 'broadcast', units: 'all', event: { type: 'campaign-ended', seq, cancelled: { reason, by } } },
      { type: 'final-report' },
    ],
  };
}
