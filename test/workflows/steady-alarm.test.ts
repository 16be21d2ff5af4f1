import { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { benchReport } from '../../bench/bench-plan';
import { asOfNow, campaignStatusQuery, submitReportUpdate } from '../../contracts';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { startOneUnitCampaign } from '../support/one-unit-campaign';
import { settledHistory } from '../support/unit-history';

const { EventType } = temporal.api.enums.v1;
const STARTED = EventType.EVENT_TYPE_TIMER_STARTED;
const CANCELLED = EventType.EVENT_TYPE_TIMER_CANCELED;
const timerEvents = (types: (number | null | undefined)[]) => types.filter((t) => t === STARTED || t === CANCELLED);

describe('a unit waiting for its next reminder', () => {
  it('keeps its timer while a submission leaves the next reminder where it was, and drops it when nothing is owed', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const { campaign, unit } = await startOneUnitCampaign(client, taskQueue, 'alarm');
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
