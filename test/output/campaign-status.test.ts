import { describe, expect, it } from 'vitest';
import { renderCampaignStatus } from '../../client/output/campaign-status';
import { initialCampaignState } from '../../domain/campaign/campaign-state';
import { campaignStatus } from '../../domain/campaign/campaign-status';
import { advanceCampaign } from '../../domain/campaign/phase-progression';
import { recordUnitProgress } from '../../domain/campaign/unit-progress-record';
import { beijing, smallPlan } from '../support/plans';

const plan = smallPlan('status-revisions');

describe('campaign status', () => {
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
