import type { Plan, Unit } from '../plan/schema';
import type { CampaignState } from './campaign-state';

/** Every unit taking part: the plan's own, then those the office added while it ran. */
export function roster(plan: Plan, state: Pick<CampaignState, 'addedUnits'>): Unit[] {
  return [...plan.units, ...state.addedUnits];
}

export function findUnit(plan: Plan, state: Pick<CampaignState, 'addedUnits'>, unitId: string): Unit | undefined {
  return roster(plan, state).find((u) => u.id === unitId);
}
