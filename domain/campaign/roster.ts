import type { CaseLedgerContext } from '../cases/case-schema';
import { caseLedgerContextFromPlan } from '../cases/ledger-context';
import type { Plan, Unit } from '../plan/schema';
import type { CampaignState } from './campaign-state';

/** Every unit taking part: the plan's own, then those the office added while it ran. */
export function roster(plan: Plan, state: Pick<CampaignState, 'addedUnits'>): Unit[] {
  return [...plan.units, ...state.addedUnits];
}

/**
 * What a unit's case ledger knows of the campaign: the roster, not the plan's units, so that a unit
 * added mid-campaign can own and receive cases.
 */
export function rosterLedgerContext(plan: Plan, state: Pick<CampaignState, 'addedUnits'>): CaseLedgerContext {
  return { ...caseLedgerContextFromPlan(plan), units: roster(plan, state).map((u) => ({ id: u.id, name: u.name })) };
}

export function findUnit(plan: Plan, state: Pick<CampaignState, 'addedUnits'>, unitId: string): Unit | undefined {
  return roster(plan, state).find((u) => u.id === unitId);
}
