import { describe, expect, it } from 'vitest';
import { benchReport } from '../../bench/bench-plan';
import {
  asOfNow,
  campaignStatusQuery,
  pauseRemindersUpdate,
  resumeRemindersUpdate,
  submitReportUpdate,
  unitStatusQuery,
} from '../../contracts';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { startOneUnitCampaign } from '../support/one-unit-campaign';
import { settledHistory, signalsSent } from '../support/unit-history';

const progressReports = async (unit: Parameters<typeof settledHistory>[0]) =>
  signalsSent(await settledHistory(unit)).filter((name) => name === 'unitProgress').length;

describe('a unit reporting its progress to the campaign', () => {
  it('reports what changes the counts and stays quiet about what does not', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const { campaign, unit } = await startOneUnitCampaign(client, taskQueue, 'progress');
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
