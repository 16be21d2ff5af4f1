import { temporal } from '@temporalio/proto';
import Long from 'long';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { benchCase, benchReport } from '../../bench/bench-plan';
import { asOfNow, campaignStatusQuery, fileCasesUpdate, submitReportUpdate } from '../../contracts';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { startOneUnitCampaign } from '../support/one-unit-campaign';

const { EventType, ResetReapplyType } = temporal.api.enums.v1;
const BY = 'unit:unit-00001';

/**
 * `campaign repair` resets a unit to an earlier point. The unit's abandoned branch may already have
 * told the campaign more than the reset run knows; the reset run's next report must still be the
 * one the campaign believes, not one it takes for an old report arriving late.
 */
describe('a unit reset to an earlier point', () => {
  it('is believed by the campaign with its next report', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const { campaign, unit } = await startOneUnitCampaign(client, taskQueue, 'reset-progress');
      const submit = (deliverableId: string) =>
        unit.executeUpdate(submitReportUpdate, {
          args: [{ deliverableId, report: benchReport(deliverableId), by: BY }],
        });
      await submit('p1-summary');
      await submit('p1-progress');
      await eventually(
        () => campaign.query(campaignStatusQuery, asOfNow()),
        (s) => s.totals.onTime === 2,
        { what: 'the campaign counting both reports' },
      );

      // Back to just before the task that took the second report, and without it: the reset run
      // has one report where the campaign has heard of two.
      const events = (await unit.fetchHistory()).events ?? [];
      const accepted = events.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
      const secondAcceptedId = Number(accepted[1]?.eventId);
      const resetTo = events
        .filter(
          (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED && Number(e.eventId) < secondAcceptedId,
        )
        .at(-1)?.eventId;
      expect(resetTo).toBeDefined();
      const { runId } = await client.workflowService.resetWorkflowExecution({
        namespace: client.options.namespace,
        workflowExecution: { workflowId: unit.workflowId },
        workflowTaskFinishEventId: Long.fromValue(resetTo!),
        reason: 'test: back before the second report',
        requestId: randomUUID(),
        resetReapplyType: ResetReapplyType.RESET_REAPPLY_TYPE_NONE,
      });
      const resetUnit = client.workflow.getHandle(unit.workflowId, runId ?? undefined);

      // The reset run's next report (a case filed) is the campaign's picture of the unit: one report
      // on time, the second open again, one case.
      await resetUnit.executeUpdate(fileCasesUpdate, { args: [{ filings: [benchCase(1)], by: BY }] });
      const status = await eventually(
        () => campaign.query(campaignStatusQuery, asOfNow()),
        (s) => s.ledger.filed === 1,
        { what: 'the campaign taking the reset unit’s report' },
      );
      expect(status.totals).toMatchObject({ owed: 2, onTime: 1, open: 1 });
    });
  });
});
