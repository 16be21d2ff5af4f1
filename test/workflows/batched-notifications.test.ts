import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { readNotificationLog } from '../../activities/notify';
import { benchCase } from '../../bench/bench-plan';
import { campaignDataConverter } from '../../codec/data-converter';
import { WORKFLOWS_PATH } from '../../worker/campaign-worker';
import { bundleWorkflowsOnce } from '../../worker/run-worker';
import { fileCasesUpdate } from '../../contracts';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { startOneUnitCampaign } from '../support/one-unit-campaign';

const CASES = 5;

describe('a unit with several notices to send at once', () => {
  it('sends them in one activity, delivers every one of them, and its history replays', async () => {
    await withCampaignWorker(async ({ client, taskQueue, dataDir }) => {
      const { id, unit } = await startOneUnitCampaign(client, taskQueue, 'batch');
      const activitiesScheduled = async () =>
        ((await unit.fetchHistory()).events ?? []).flatMap((e) => {
          const name = e.activityTaskScheduledEventAttributes?.activityType?.name;
          return name ? [name] : [];
        });
      // The phase's opening notice is a single one: one notification, one activity as before.
      const before = await eventually(activitiesScheduled, (names) => names.length > 0);
      expect(before.every((name) => name === 'sendNotification')).toBe(true);

      const filings = Array.from({ length: CASES }, (_, i) => benchCase(i + 1));
      const { filed } = await unit.executeUpdate(fileCasesUpdate, { args: [{ filings, by: 'unit:unit-00001' }] });
      expect(filed).toHaveLength(CASES);

      // Each case tells the unit and the case's leaders: ten notices, every one in the mail log…
      const assigned = await eventually(
        async () => (await readNotificationLog(id, { dataDir })).filter((entry) => entry.kind === 'case_assigned'),
        (entries) => new Set(entries.map((entry) => entry.requestId)).size === 2 * CASES,
        { what: 'every case notice delivered' },
      );
      expect(assigned.every((entry) => entry.status === 'outbox')).toBe(true);
      for (const caseId of filed) {
        expect(assigned.some((entry) => entry.requestId.includes(caseId) && entry.email.startsWith('head-'))).toBe(
          true,
        );
      }
      // …sent by one activity.
      const after = await activitiesScheduled();
      expect(after.slice(before.length)).toEqual(['sendNotifications']);

      // The batched run replays on the same code.
      const history = await unit.fetchHistory();
      const workflowBundle = await bundleWorkflowsOnce(WORKFLOWS_PATH);
      await Worker.runReplayHistory(
        { workflowBundle, dataConverter: campaignDataConverter() },
        history,
        unit.workflowId,
      );
    });
  });
});
