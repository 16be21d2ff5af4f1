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
import { smallPlan, smallPlanInput } from '../support/plans';
import { PlanSchema } from '../../domain/plan/schema';
import { unitStatusView } from '../../domain/unit/unit-status-view';
import { gatherCampaignReportInput } from '../../activities/reports/publish-campaign-report';

const DAY_IN_REAL_MS = 1500;
const SCALE = 86_400_000 / DAY_IN_REAL_MS;

describe('a campaign rehearsal on the dev server', () => {
  it('runs phases, takes reports, escalates a late unit and waits for approval', async () => {
    await withCampaignWorker(async (harness) => {
      const { client, taskQueue } = harness;
      const id = uniqueId('rehearsal');
      const plan = smallPlan(id);
      const handle = await startCampaign(client, plan, { taskQueue, startedBy: 'office', rehearsalScale: SCALE });
      const unitA = client.workflow.getHandle(unitWorkflowId(id, 'town-a'));
      const unitB = client.workflow.getHandle(unitWorkflowId(id, 'town-b'));

      await eventually(
        () => handle.query(campaignStatusQuery, asOfNow()),
        (s) => s.currentPhase?.id === 'mobilise',
        { what: 'phase one' },
      );
      await eventually(
        () => unitA.query(unitStatusQuery, asOfNow()),
        (s) => s.rows.length === 1,
        { what: 'unit A obligations' },
      );

      const receipt = await unitA.executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: 'members', report: { members: [{ name: '张三', role: '组长' }] }, by: 'unit:town-a' }],
      });
      expect(receipt.onTime).toBe(true);

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

      const escalated = await eventually(
        () => unitB.query(unitStatusQuery, asOfNow()),
        (s) => s.rows[0]?.escalationStep === 2,
        { what: 'unit B to reach step 2', timeoutMs: 30_000 },
      );
      expect(escalated.marks).toHaveLength(1);

      const late = await unitB.executeUpdate(submitReportUpdate, {
        args: [
          { deliverableId: 'members', report: { text: '名单见附件', members: [{ name: '王五' }] }, by: 'unit:town-b' },
        ],
      });
      expect(late.onTime).toBe(false);
      expect(late.lateByMs).toBeGreaterThan(2 * 86_400_000);

      await eventually(
        () => handle.query(campaignStatusQuery, asOfNow()),
        (s) => s.currentPhase?.id === 'accept',
        { what: 'phase two' },
      );
      for (const unit of [unitA, unitB]) {
        await eventually(
          () => unit.query(unitStatusQuery, asOfNow()),
          (s) => s.rows.length === 2,
          { what: 'the summary to be owed' },
        );
        await unit.executeUpdate(submitReportUpdate, {
          args: [{ deliverableId: 'summary', report: { text: '总结' }, by: 'unit' }],
        });
      }
      // The window ends, but an approval-gated phase stays open until the leaders approve it.
      await new Promise((resolve) => setTimeout(resolve, 3 * DAY_IN_REAL_MS));
      expect((await handle.query(campaignStatusQuery, asOfNow())).status).toBe('running');
      await handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'leader:head' }] });
      const summary = await handle.result();
      expect(summary.status).toBe('completed');
      expect(summary.totals).toMatchObject({ owed: 4, onTime: 3, late: 1 });
      expect(summary.accountabilityMarks).toBe(1);

      const mails = harness.outboxText().join('\n');
      expect(mails).toContain('b@example.org');
      expect(mails).toContain('deputy@example.org');
    });
  });

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
        const outcome = await Promise.race([
          handle.result(),
          new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 30_000)),
        ]);
        expect(outcome).toMatchObject({ status: 'completed' });

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
