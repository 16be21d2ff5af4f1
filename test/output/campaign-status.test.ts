import { describe, expect, it } from 'vitest';
import { renderCampaignStatus } from '../../client/output/campaign-status';
import { initialCampaignState } from '../../domain/campaign/campaign-state';
import { campaignStatus } from '../../domain/campaign/campaign-status';
import { approvePhase } from '../../domain/campaign/leader-actions';
import { advanceCampaign } from '../../domain/campaign/phase-progression';
import { recordUnitProgress } from '../../domain/campaign/unit-progress-record';
import { beijing, smallPlan } from '../support/plans';

const plan = smallPlan('status-revisions');

describe('campaign status', () => {
  it('says a campaign whose phases are all closed runs until its window ends', () => {
    const windowed = { ...plan, campaign: { ...plan.campaign, window: { start: '2026-04-12', end: '2026-04-30' } } };
    let state = initialCampaignState(plan.phases, beijing('2026-04-01'));
    state = advanceCampaign(windowed, state, beijing('2026-04-12')).state;
    state = advanceCampaign(windowed, state, beijing('2026-04-18')).state;
    state = approvePhase(windowed, state, { phaseId: 'accept', by: 'leader:head' }, beijing('2026-04-20')).state;
    const text = renderCampaignStatus({ ...campaignStatus(windowed, state, beijing('2026-04-21')), rehearsal: false });
    expect(text).toContain('phase          all closed; the campaign runs until its window ends at 2026-05-01 00:00');
  });

  it('names the current revision of a reissued phase report, and nothing while there is none', () => {
    let state = advanceCampaign(
      plan,
      initialCampaignState(plan.phases, beijing('2026-04-01')),
      beijing('2026-04-12'),
    ).state;
    state = advanceCampaign(plan, state, beijing('2026-04-16')).state;
    const before = renderCampaignStatus({ ...campaignStatus(plan, state, beijing('2026-04-16')), rehearsal: false });
    expect(before).not.toContain('phase reports');
    const counts = { owed: 1, onTime: 0, late: 1, open: 0, overdue: 0, missing: 0 };
    state = recordUnitProgress(state, {
      unitId: 'town-a',
      version: 1,
      phases: { mobilise: counts },
      overdue: [],
      marks: 0,
      escalations: [],
    });
    state = advanceCampaign(plan, state, beijing('2026-04-16', '09:00')).state;
    const after = renderCampaignStatus({
      ...campaignStatus(plan, state, beijing('2026-04-16', '10:00')),
      rehearsal: false,
    });
    expect(after).toContain(
      'phase reports  current: 宣传发动 revision 2 (2026-04-16 09:00); earlier revisions are replaced',
    );
  });
});
