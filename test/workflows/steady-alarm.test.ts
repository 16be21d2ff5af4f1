import { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { benchPlan, benchReport } from '../../bench/bench-plan';
import { startCampaign } from '../../client/start-campaign';
import { asOfNow, campaignStatusQuery, submitReportUpdate, unitStatusQuery } from '../../workflows/messages';
import { unitWorkflowId } from '../../workflows/workflow-ids';
import { uniqueId } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';

// One plan day per real minute: both deliverables are due months of plan time away.
const SCALE = 86_400_000 / 60_000;

const { EventType } = temporal.api.enums.v1;
const STARTED = EventType.EVENT_TYPE_TIMER_STARTED;
const CANCELLED = EventType.EVENT_TYPE_TIMER_CANCELED;
const WORKFLOW_TASK_EVENTS = new Set<number | null | undefined>([
  EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
]);
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
      // Settled: the campaign has the unit's report…
      const settled = async (onTime: number) => {
        await eventually(
          () => campaign.query(campaignStatusQuery, asOfNow()),
          (s) => s.totals.onTime === onTime,
        );
        // …and the unit's task after that signal's delivery has completed (its commands follow it).
        const count = (types: (number | null | undefined)[], type: number) => types.filter((t) => t === type).length;
        return eventually(
          async () => ((await unit.fetchHistory()).events ?? []).map((e) => e.eventType),
          (types) =>
            count(types, EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED) ===
              count(types, EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED) &&
            types.filter((t) => WORKFLOW_TASK_EVENTS.has(t)).at(-1) === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
        );
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
