import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STARTING, stillReachingUnit, type StartingPicture } from '../../../domain/campaign/campaign-starting';

const starting: StartingPicture = {
  campaignRunning: true,
  inRoster: true,
  phaseOpen: true,
  unitStarted: true,
  unitOwes: 0,
};

describe('a submission while the campaign is still reaching its units', () => {
  it.each([
    ['the phase is open and the unit has not heard of it', {}, true],
    ["the unit's workflow is not there yet", { unitStarted: false, phaseOpen: false }, true],
    ['the unit owes something already (a wrong deliverable id)', { unitOwes: 2 }, false],
    ['no phase is open yet (the plan begins later)', { phaseOpen: false }, false],
    ['the unit is not in the campaign', { inRoster: false, unitStarted: false }, false],
    ['the campaign has ended', { campaignRunning: false }, false],
  ] as const)('%s: %s', (_what, over, expected) => {
    expect(stillReachingUnit({ ...starting, ...over })).toBe(expected);
  });

  it('says so in Chinese first, and in English', () => {
    expect(CAMPAIGN_STARTING.message).toMatch(/^活动正在启动.*the campaign is still starting; try again in a moment/);
  });
});
