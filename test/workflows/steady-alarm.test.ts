import { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { benchPlan, benchReport } from '../../bench/bench-plan';
import { startCampaign } from '../../client/start-campaign';
import { asOfNow, campaignStatusQuery, submitReportUpdate, unitStatusQuery } from '../../workflows/messages';
import { unitWorkflowId } from '../../workflows/workflow-ids';
import { uniqueId } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { settledHistory } from '../support/unit-history';

// One plan day per real minute: both deliverables are due months of plan time away.
const SCALE = 86_400_000 / 60_000;

const { EventType } = temporal.api.enums.v1;
const STARTED = EventType.EVENT_TYPE_TIMER_STARTED;
const CANCELLED = EventType.EVENT_TYPE_TIMER_CANCELED;
const timerEvents = (types: (number | null | undefined)[]) => types.filter((t) => t === STARTED || t === CANCELLED);

describe('a unit waiting for its next reminder', () => {
  it('keeps its timer while a submission leaves the next reminder where it was, and drops it when nothing is owed', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const id = uniqueId('alarm');
      const campaign = await startCampaign(client, benchPlan(id, 1), {
        taskQueue,
        startedBy: 'office',
        rehearsalScale: SCALE,
      });
      await eventually(
        () => campaign.query(campaignStatusQuery, asOfNow()),
        (s) => s.currentPhase?.id === 'phase-1',
      );
      const unit = client.workflow.getHandle(unitWorkflowId(id, 'unit-00001'));
      await eventually(
        () => unit.query(unitStatusQuery, asOfNow()),
        (s) => s.rows.length === 2,
      );
      // Settled: the campaign has the unit's report, and the unit is at rest after it.
      const settled = async (onTime: number) => {
        await eventually(
          () => campaign.query(campaignStatusQuery, asOfNow()),
          (s) => s.totals.onTime === onTime,
        );
        return (await settledHistory(unit)).map((e) => e.eventType);
      };
      const submit = (deliverableId: string) =>
        unit.executeUpdate(submitReportUpdate, {
          args: [{ deliverableId, report: benchReport(deliverableId), by: 'unit:unit-00001' }],
        });

      const opened = timerEvents(await settled(0));
      expect(opened).toEqual([STARTED]);

      // Both deliverables share their due date, so their reminders fall together.
      await submit('p1-summary');
      expect(timerEvents(await settled(1))).toHaveLength(opened.length);

      await submit('p1-progress');
      const after = timerEvents(await settled(2)).slice(opened.length);
      expect(after).toEqual([CANCELLED]);
    });
  });
});
