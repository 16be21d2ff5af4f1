import { describe, expect, it } from 'vitest';
import { initialCampaignState, type CampaignState } from '../../../domain/campaign/campaign-state';
import { approvePhase } from '../../../domain/campaign/leader-actions';
import { advanceCampaign, nextCampaignWakeMs } from '../../../domain/campaign/phase-progression';
import { beijing, smallPlan } from '../../support/plans';

// The small plan's phases run 4/12–4/19; its campaign window (活动时间) runs on to 4/30.
const base = smallPlan('windowed');
const plan = { ...base, campaign: { ...base.campaign, window: { start: '2026-04-10', end: '2026-04-30' } } };

function lastPhaseApproved(): CampaignState {
  let state = initialCampaignState(plan.phases, beijing('2026-04-10'));
  state = advanceCampaign(plan, state, beijing('2026-04-12')).state;
  state = advanceCampaign(plan, state, beijing('2026-04-18')).state;
  return approvePhase(plan, state, { phaseId: 'accept', by: 'leader:head' }, beijing('2026-04-20', '10:00')).state;
}

describe('a campaign with a window of its own', () => {
  it('keeps running after its last phase closes, until the end of its window', () => {
    const state = lastPhaseApproved();
    const afterApproval = advanceCampaign(plan, state, beijing('2026-04-20', '10:00'));
    expect(afterApproval.state.status).toBe('running');
    expect(afterApproval.commands.map((c) => c.type)).not.toContain('final-report');
    // The window ends at midnight after its last day.
    expect(nextCampaignWakeMs(plan, afterApproval.state)).toBe(beijing('2026-05-01'));
  });

  it('completes at the end of its window with the final report', () => {
    const ended = advanceCampaign(plan, lastPhaseApproved(), beijing('2026-05-01'));
    expect(ended.state.status).toBe('completed');
    expect(ended.state.completedAtMs).toBe(beijing('2026-05-01'));
    expect(ended.commands.map((c) => c.type)).toEqual(['broadcast', 'final-report']);
    expect(ended.state.timeline.at(-1)?.what).toBe('campaign completed at the end of its window');
  });

  it('completes when its last phase closes if that is after the window (an approval that came late)', () => {
    const early = { ...plan, campaign: { ...plan.campaign, window: { start: '2026-04-10', end: '2026-04-19' } } };
    const state = lastPhaseApproved();
    expect(advanceCampaign(early, state, beijing('2026-04-20', '10:00')).state.status).toBe('completed');
  });
});
