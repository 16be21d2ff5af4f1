/**
 * A campaign reaches its units a moment after it starts: the units' workflows are started, then
 * each is told of the phase that opened. A clerk who submits in that moment is early, not wrong,
 * and hears so instead of "owes no deliverable".
 */
export const CAMPAIGN_STARTING = {
  code: 'campaign_starting',
  message: '活动正在启动，任务尚未送达本单位，请稍后再试 (the campaign is still starting; try again in a moment)',
} as const;

export interface StartingPicture {
  /** The campaign is running and names the unit in its roster. */
  campaignRunning: boolean;
  inRoster: boolean;
  /** The campaign has a phase open (units owe something once they hear of it). */
  phaseOpen: boolean;
  /** The unit's workflow exists. */
  unitStarted: boolean;
  /** How many obligations the unit knows of. */
  unitOwes: number;
}

/** Whether the unit is only waiting for its campaign's first events. */
export function stillReachingUnit(p: StartingPicture): boolean {
  if (!p.campaignRunning || !p.inRoster) return false;
  return !p.unitStarted || (p.phaseOpen && p.unitOwes === 0);
}
