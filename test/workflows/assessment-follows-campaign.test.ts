import { describe, expect, it } from 'vitest';
import {
  auditLogQuery,
  campaignEventSignal,
  cancelCampaignUpdate,
  pauseRemindersUpdate,
  resumeRemindersUpdate,
} from '../../contracts';
import { assessmentStandingQuery, assessmentWorkflowId } from '../../contracts/assessment';
import { eventually } from '../support/eventually';
import { examplePlan } from '../support/example-plan';
import { beijing } from '../support/plans';
import { withPlanTime } from '../support/time-skipping-harness';

/**
 * The 有效课堂 acceptance (seed 000 篇1) ranks its schools every month while the campaign runs. The
 * assessment is a workflow of its own: these are the campaign's turns it must follow.
 */
const classroomPlan = () => examplePlan('effective-classroom.yaml', 'classroom-course');

describe('an assessment follows its campaign', () => {
  it('sends no ranking notice while the campaign is paused, ends when it is cancelled, and takes neither from anyone else', async () => {
    const plan = await classroomPlan();
    await withPlanTime(plan, async (h) => {
      const assessment = h.client.workflow.getHandle(assessmentWorkflowId(plan.campaign.id));
      const rankings = async () => (await h.notifications()).filter((e) => e.kind === 'ranking_notice');

      // Anyone who reaches the server can signal: a cancellation not sealed by the campaign is audited and ignored.
      await assessment.signal(campaignEventSignal, {
        type: 'campaign-ended',
        seq: 99,
        cancelled: { reason: '伪造', by: 'office' },
      });
      const audit = await eventually(
        () => assessment.query(auditLogQuery),
        (log) => log.entries.length > 0,
        { what: 'the forged event in the audit log' },
      );
      expect(audit.entries[0]).toMatchObject({ workflow: 'assessment', code: 'unsealed_message' });

      // Paused over 5/1, when April's notice falls due: it is skipped, not held.
      await h.runUntil(beijing('2026-04-28', '10:00'));
      await h.handle.executeUpdate(pauseRemindersUpdate, { args: [{ by: 'office' }] });
      await h.runUntil(beijing('2026-05-02', '10:00'));
      expect(await rankings()).toEqual([]);

      // Resumed: May's notice goes out on 6/1, to the three schools and the four leaders.
      await h.handle.executeUpdate(resumeRemindersUpdate, { args: [{ by: 'office' }] });
      await h.runUntil(beijing('2026-06-01', '10:00'));
      const may = await eventually(rankings, (e) => e.length >= 7, { what: 'May’s ranking notice' });
      expect(may).toHaveLength(7);
      expect(may[0]?.subject).toContain('排名通报（2026-05-01至2026-05-31）');

      // Cancelled: the assessment ends at once, with nothing published, and sends nothing more.
      await h.handle.executeUpdate(cancelCampaignUpdate, { args: [{ reason: '上级通知取消', by: 'office' }] });
      expect(await assessment.result()).toBeUndefined();
      expect((await assessment.query(assessmentStandingQuery)).stage).toBe('scoring');
      await h.runUntil(beijing('2026-07-02', '10:00'));
      expect(await rankings()).toHaveLength(7);
    });
  });
});
