import type { Client } from '@temporalio/client';
import { compileCampaignReport, type CompiledReport } from '../activities/reports';
import { createPublishCampaignReportActivity } from '../activities/reports/publish-campaign-report';
import type { CampaignReportInputData } from '../activities/reports/report-input';
import { campaignWorkflowId } from '../workflows/workflow-ids';

/**
 * Compiles a campaign's report right now, the way the workflow's own report activity does. The
 * activity is reused as it is, with a publisher that keeps the snapshot and a mailer that sends
 * nothing, so the gathering logic lives in one place (see the report in docs/cli.md for the
 * extraction that would make this plainer).
 */
export async function compileReportNow(client: Client, campaignId: string): Promise<CompiledReport> {
  let snapshot: CampaignReportInputData | undefined;
  const gather = createPublishCampaignReportActivity(
    client,
    (data) => {
      snapshot = data;
      return Promise.resolve({ files: [] });
    },
    () => Promise.resolve({ results: [] }),
  );
  await gather({ campaignWorkflowId: campaignWorkflowId(campaignId), scope: 'campaign' });
  if (snapshot === undefined) throw new Error('the report activity produced no snapshot');
  return compileCampaignReport(snapshot);
}
