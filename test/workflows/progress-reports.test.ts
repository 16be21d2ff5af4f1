import { describe, expect, it } from 'vitest';
import { benchPlan, benchReport } from '../../bench/bench-plan';
import { startCampaign } from '../../client/start-campaign';
import {
  asOfNow,
  campaignStatusQuery,
  pauseRemindersUpdate,
  resumeRemindersUpdate,
  submitReportUpdate,
  unitStatusQuery,
} from '../../workflows/messages';
import { unitWorkflowId } from '../../workflows/workflow-ids';
import { uniqueId } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { settledHistory, signalsSent } from '../support/unit-history';

// One plan day per real minute: both deliverables are due months of plan time away.
const SCALE = 86_400_000 / 60_000;

const progressReports = async (unit: Parameters<typeof settledHistory>[0]) =>
  signalsSent(await settledHistory(unit)).filter((name) => name === 'unitProgress').length;

describe('a unit reporting its progress to the campaign', () => {
  it('reports what changes the counts and stays quiet about what does not', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const id = uniqueId('progress');
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
      const opened = await progressReports(unit);
      expect(opened).toBeGreaterThan(0);

      // A pause reaches the unit (it stops reminding) but changes nothing the campaign counts.
      await campaign.executeUpdate(pauseRemindersUpdate, { args: [{ by: 'office' }] });
      await eventually(
        () => unit.query(unitStatusQuery, asOfNow()),
        (s) => s.paused,
        { what: 'the unit paused' },
      );
      expect(await progressReports(unit)).toBe(opened);

      // A report does change the counts: the campaign hears of it at once.
      await unit.executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: 'p1-summary', report: benchReport('p1-summary'), by: 'unit:unit-00001' }],
      });
      await eventually(
        () => campaign.query(campaignStatusQuery, asOfNow()),
        (s) => s.totals.onTime === 1,
        { what: 'the campaign counting the report' },
      );
      expect(await progressReports(unit)).toBe(opened + 1);

      await campaign.executeUpdate(resumeRemindersUpdate, { args: [{ by: 'office' }] });
      await eventually(
        () => unit.query(unitStatusQuery, asOfNow()),
        (s) => !s.paused,
        { what: 'the unit resumed' },
      );
      expect(await progressReports(unit)).toBe(opened + 1);
    });
  });
});
