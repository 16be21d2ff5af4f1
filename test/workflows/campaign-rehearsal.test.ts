import { describe, expect, it } from 'vitest';
import { startCampaign } from '../../client/start-campaign';
import { expectRejection } from '../../client/update-rejection';
import {
  asOfNow,
  approvePhaseUpdate,
  campaignStatusQuery,
  submitReportUpdate,
  unitStatusQuery,
  unitWorkflowId,
  type UnitWorkflow,
} from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { eventually } from '../support/eventually';
import { withCampaignWorker, type CampaignActivities } from '../support/campaign-harness';
import { beijing, smallPlan, smallPlanInput } from '../support/plans';
import { withPlanTime } from '../support/time-skipping-harness';
import { PlanSchema } from '../../domain/plan/schema';
import { unitStatusView } from '../../domain/unit/unit-status-view';
import { gatherCampaignReportInput } from '../../activities/reports/publish-campaign-report';

// For the test that needs a dev server (it holds an activity): one plan day per ten real minutes,
// so nothing it asserts depends on how fast this machine runs.
const SCALE = 86_400_000 / 600_000;
const DAY = 86_400_000;

/**
 * On the time-skipping server, plan time stands still while the test acts (it moves at real speed,
 * one plan millisecond per real one) and jumps when the test says: every on-time, late and
 * escalation assertion is about plan dates, never about how fast this machine is.
 */
describe('a small campaign on plan time', () => {
  it('runs phases, takes reports, escalates a late unit and waits for approval', async () => {
    const plan = smallPlan(uniqueId('rehearsal'));
    await withPlanTime(plan, async (h) => {
      const unit = (id: string) => h.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, id));
      const unitA = unit('town-a');
      const unitB = unit('town-b');

      await h.runUntil(beijing('2026-04-12', '12:00'));
      await eventually(
        () => h.handle.query(campaignStatusQuery),
        (s) => s.currentPhase?.id === 'mobilise',
        { what: 'phase one' },
      );
      await eventually(
        () => unitA.query(unitStatusQuery).catch(() => undefined),
        (s) => s?.rows.length === 1,
        { what: 'unit A obligations' },
      );

      const receipt = await unitA.executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: 'members', report: { members: [{ name: '张三', role: '组长' }] }, by: 'unit:town-a' }],
      });
      expect(receipt).toMatchObject({ onTime: true, dueMs: beijing('2026-04-15', '18:00') });

      const duplicate = await expectRejection(
        unitA.executeUpdate(submitReportUpdate, {
          args: [{ deliverableId: 'members', report: { members: [{ name: '李四' }] }, by: 'unit:town-a' }],
        }),
      );
      expect(duplicate.type).toBe('duplicate_submission');
      const empty = await expectRejection(
        unitB.executeUpdate(submitReportUpdate, {
          args: [{ deliverableId: 'members', report: { members: [] }, by: 'unit:town-b' }],
        }),
      );
      expect(empty.type).toBe('invalid_report');
      expect(empty.message).toMatch(/member/);

      // Two days after the due date town B reaches the second step of the ladder (accountability).
      await h.runUntil(beijing('2026-04-17', '20:00'));
      const escalated = await eventually(
        () => unitB.query(unitStatusQuery),
        (s) => s.rows[0]?.escalationStep === 2,
        { what: 'unit B to reach step 2' },
      );
      expect(escalated.marks).toHaveLength(1);

      const late = await unitB.executeUpdate(submitReportUpdate, {
        args: [
          { deliverableId: 'members', report: { text: '名单见附件', members: [{ name: '王五' }] }, by: 'unit:town-b' },
        ],
      });
      // Late by two days and two hours, give or take the real milliseconds the update took.
      expect(late.onTime).toBe(false);
      expect(Math.round(late.lateByMs / 60_000)).toBe((2 * DAY + 2 * 3_600_000) / 60_000);

      await h.runUntil(beijing('2026-04-18', '12:00'));
      await eventually(
        () => h.handle.query(campaignStatusQuery),
        (s) => s.currentPhase?.id === 'accept',
        { what: 'phase two' },
      );
      for (const u of [unitA, unitB]) {
        await eventually(
          () => u.query(unitStatusQuery),
          (s) => s.rows.length === 2,
          { what: 'the summary to be owed' },
        );
        await u.executeUpdate(submitReportUpdate, {
          args: [{ deliverableId: 'summary', report: { text: '总结' }, by: 'unit' }],
        });
      }
      // The window ends, but an approval-gated phase stays open until the leaders approve it.
      await h.runUntil(beijing('2026-04-22', '12:00'));
      expect(await h.handle.query(campaignStatusQuery)).toMatchObject({
        status: 'running',
        currentPhase: { id: 'accept', awaitingApproval: true },
      });
      await h.handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'leader:head' }] });
      const summary = await h.handle.result();
      expect(summary.status).toBe('completed');
      expect(summary.totals).toMatchObject({ owed: 4, onTime: 3, late: 1 });
      expect(summary.accountabilityMarks).toBe(1);

      const escalations = (await h.notifications()).filter((e) => e.kind === 'escalation');
      const told = (email: string) => escalations.filter((e) => e.email === email).map((e) => Date.parse(e.at));
      // Step one to town B's head a day after the due date, step two to the deputy a day later; town A is never escalated.
      expect(told('head-town-b@example.org')).toHaveLength(1);
      expect(told('deputy@example.org')).toHaveLength(1);
      expect(told('deputy@example.org')[0]).toBeGreaterThan(told('head-town-b@example.org')[0]!);
      expect(told('head-town-a@example.org')).toEqual([]);
    });
  });
});

describe('a campaign rehearsal on the dev server', () => {
  it('finishes when the last phase is approved while its opening is still being broadcast', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The phase's opening reaches the units only when the test lets go, after the approval.
    const holdOpening = (real: CampaignActivities): CampaignActivities => ({
      ...real,
      broadcastToUnits: async (input) => {
        if (input.event.type === 'phase-opened') await released;
        return real.broadcastToUnits(input);
      },
    });
    await withCampaignWorker(
      async ({ client, taskQueue }) => {
        const base = smallPlanInput(uniqueId('approved-early'));
        const plan = PlanSchema.parse({ ...base, phases: base.phases?.slice(1) });
        const handle = await startCampaign(client, plan, { taskQueue, startedBy: 'office', rehearsalScale: SCALE });
        await eventually(
          () => handle.query(campaignStatusQuery, asOfNow()),
          (s) => s.currentPhase?.id === 'accept',
          { what: 'the approval phase to open' },
        );
        await expect(
          handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'leader:head' }] }),
        ).resolves.toMatchObject({ ok: true });
        release();
        // Were it still waiting for the held opening, this would time out.
        expect(await handle.result()).toMatchObject({ status: 'completed' });

        // A finished unit is read from its result, which says what its (replayed) query says.
        const unit = client.workflow.getHandle<UnitWorkflow>(unitWorkflowId(plan.campaign.id, 'town-a'));
        await eventually(
          () => unit.describe(),
          (d) => d.status.name === 'COMPLETED',
          { what: 'unit town-a to finish' },
        );
        const queried = await unit.query(unitStatusQuery, asOfNow());
        expect(unitStatusView(await unit.result(), queried.nowMs, queried.timeZone)).toEqual(queried);
        const { data } = await gatherCampaignReportInput(client, {
          campaignWorkflowId: handle.workflowId,
          scope: 'campaign',
        });
        expect(data.phases[0]?.rows.map((r) => [r.unitId, r.deliverableId, r.state])).toEqual([
          ['town-a', 'summary', 'missing'],
          ['town-b', 'summary', 'missing'],
        ]);
      },
      undefined,
      holdOpening,
    );
  });
});
