import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { createFolderReportStore } from '../../activities/reports/report-store';
import { benchPlan } from '../../bench/bench-plan';
import { startCampaign } from '../../client/start-campaign';
import { loadMailConfig } from '../../config/mail-config';
import { asOfNow, campaignStatusQuery, campaignWorkflowId, unitTaskQueueOf } from '../../contracts';
import { CampaignOwedAttribute } from '../../contracts/search-attributes';
import { WORKFLOWS_PATH } from '../../worker/campaign-worker';
import { testClient, uniqueId, withWorker } from '../helpers/temporal';
import { eventually } from '../support/eventually';
import { replayCurrentRun } from '../support/replay-check';
import { submitPhase } from '../support/unit-driver';

const UNITS = 6;
// One plan day per real minute: nothing falls due while the test runs.
const SCALE = 86_400_000 / 60_000;

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const isProgressSignal = (e: HistoryEvent) => e.workflowExecutionSignaledEventAttributes?.signalName === 'unitProgress';

/** The events the first workflow task to take the queued progress signals recorded as its commands. */
function commandsAfterSignals(events: HistoryEvent[], signalsBefore: number): HistoryEvent[] {
  const firstQueued = events.filter(isProgressSignal)[signalsBefore];
  const completed = events.findIndex(
    (e) => Number(e.eventId) > Number(firstQueued?.eventId) && e.workflowTaskCompletedEventAttributes,
  );
  const next = events.findIndex((e, i) => i > completed && e.workflowTaskScheduledEventAttributes);
  return events.slice(completed + 1, next === -1 ? undefined : next);
}

async function historyOf(client: Client, workflowId: string): Promise<HistoryEvent[]> {
  return (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
}

describe('the campaign’s search attributes under a burst of reports', () => {
  it('upserts once for a workflow task that takes many units’ progress, and replays', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-test-'));
    const client = await testClient();
    const activities = createActivities({
      client,
      mailConfig: loadMailConfig({ CAMPAIGN_DATA_DIR: dataDir }),
      store: createFolderReportStore({ dataDir }),
      mail: { log: () => undefined },
    });
    const taskQueue = uniqueId('queue');
    const plan = benchPlan(uniqueId('burst'), UNITS);
    const workflowId = campaignWorkflowId(plan.campaign.id);
    const campaignWorker = <T>(fn: () => Promise<T>) =>
      withWorker({ workflowsPath: WORKFLOWS_PATH, activities, taskQueue }, fn);

    // The units' Worker runs throughout; the campaign's is stopped while the units report, so the
    // server holds their progress signals and hands them over in one workflow task.
    await withWorker({ workflowsPath: WORKFLOWS_PATH, activities, taskQueue: unitTaskQueueOf(taskQueue) }, async () => {
      await campaignWorker(async () => {
        const handle = await startCampaign(client, plan, {
          taskQueue,
          startedBy: 'office',
          rehearsalScale: SCALE,
          unitTaskQueue: unitTaskQueueOf(taskQueue),
        });
        await eventually(
          () => handle.query(campaignStatusQuery, asOfNow()),
          (s) => s.totals.open === UNITS * 2,
          { what: 'every unit to owe the first phase' },
        );
      });
      const signalsBefore = (await historyOf(client, workflowId)).filter(isProgressSignal).length;
      expect(await submitPhase(client, plan, 'phase-1')).toHaveLength(UNITS * 2);
      await eventually(
        () => historyOf(client, workflowId),
        (events) => events.filter(isProgressSignal).length >= signalsBefore + UNITS,
        { what: 'every unit’s progress signal to wait in the campaign’s history' },
      );

      await campaignWorker(async () => {
        const seen = await eventually(
          async () => (await client.workflow.getHandle(workflowId).describe()).typedSearchAttributes,
          (found) => found.get(CampaignOwedAttribute) === 0,
          { what: 'the campaign to show no report owed' },
        );
        expect(seen.get(CampaignOwedAttribute)).toBe(0);
      });
      const commands = commandsAfterSignals(await historyOf(client, workflowId), signalsBefore);
      const upserts = commands.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes);
      expect(upserts).toHaveLength(1);
      // A worker that lost the campaign from its cache replays this history: it must agree.
      expect(await replayCurrentRun(client, workflowId)).toBeUndefined();
    });
  });
});
