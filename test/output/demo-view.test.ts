import { afterEach, describe, expect, it, vi } from 'vitest';
import { DemoView } from '../../client/demo/demo-view';
import { initialCampaignState } from '../../domain/campaign/campaign-state';
import { campaignStatus } from '../../domain/campaign/campaign-status';
import { advanceCampaign } from '../../domain/campaign/phase-progression';
import { beijing, smallPlan } from '../support/plans';

const plan = smallPlan('demo-view');

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the demo's log in a pipe", () => {
  it('prints what the simulated people did in plan-time order, before the next status line', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const state = advanceCampaign(
      plan,
      initialCampaignState(plan.phases, beijing('2026-04-01')),
      beijing('2026-04-12'),
    ).state;
    const view = new DemoView(false, plan.campaign.timeZone, beijing('2026-04-12'));
    // Answers arrive as the parallel submissions finish; the leader's step is stamped with the
    // (earlier) plan time it was decided at.
    view.event(beijing('2026-04-13', '21:12'), '乙镇 submitted 名单 (on time)');
    view.event(beijing('2026-04-13', '21:04'), '甲镇 submitted 名单 (on time)');
    view.event(beijing('2026-04-13', '19:20'), 'leader returned 排查建档');
    expect(written).toEqual([]);
    view.update({ ...campaignStatus(plan, state, beijing('2026-04-14')), rehearsal: true });
    expect(written.slice(0, 3)).toEqual([
      '2026-04-13 19:20  leader returned 排查建档\n',
      '2026-04-13 21:04  甲镇 submitted 名单 (on time)\n',
      '2026-04-13 21:12  乙镇 submitted 名单 (on time)\n',
    ]);
    expect(written[3]).toMatch(/^2026-04-14 00:00 {2}\[/);
  });
});
