import { describe, expect, it } from 'vitest';
import { approvePhaseUpdate, asOfNow, campaignStatusQuery } from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { phaseReportDone } from '../support/phase-reports';
import { beijing, smallPlan } from '../support/plans';
import { withPlanTime } from '../support/time-skipping-harness';
import { submitWhenOwed } from '../support/unit-driver';

// The small plan's phases run 4/12–4/19; its campaign window (活动时间) runs on to 4/30.
const base = smallPlan(uniqueId('campaign-window'));
const plan = { ...base, campaign: { ...base.campaign, window: { start: '2026-04-12', end: '2026-04-30' } } };

describe('a campaign with a window of its own', () => {
  it('outlives its last phase: a late report still counts, and the campaign completes when the window ends', async () => {
    await withPlanTime(plan, async (h) => {
      const id = plan.campaign.id;
      await h.runUntil(beijing('2026-04-18', '10:00'));
      await h.handle.executeUpdate(approvePhaseUpdate, {
        args: [{ phaseId: 'accept', by: 'leader:head' }],
      });
      // Every phase is closed, but the window is not over: the campaign still runs.
      const between = await h.handle.query(campaignStatusQuery, asOfNow());
      expect(between.status).toBe('running');
      expect(between.phases.map((p) => p.status)).toEqual(['closed', 'closed']);

      // 乙镇's member list, due 4/15, comes in on 4/25: taken as late, and phase one's report is reissued.
      await h.runUntil(beijing('2026-04-25', '09:00'));
      const receipt = await submitWhenOwed(h.client, id, 'town-b', 'members', { members: [{ name: '李四' }] });
      expect(receipt.lateByMs).toBeGreaterThan(0);
      await phaseReportDone(h.client, h.handle.workflowId, 'mobilise', 2);

      await h.runUntil(beijing('2026-05-01', '01:00'));
      const summary = await h.handle.result();
      expect(summary.status).toBe('completed');
      // At the window's end (midnight after 4/30), give or take the timer's few milliseconds.
      expect(summary.completedAtMs! - beijing('2026-05-01')).toBeGreaterThanOrEqual(0);
      expect(summary.completedAtMs! - beijing('2026-05-01')).toBeLessThan(60_000);
      expect(summary.totals).toMatchObject({ late: 1 });
    });
  }, 120_000);
});
