import type { Client } from '@temporalio/client';
import { compileCampaignReport, withStoredAttachments, type CompiledReport } from '../activities/reports';
import { CampaignReportInputSchema } from '../activities/reports/report-input';
import type { ReportStore } from '../activities/reports/report-store';
import { gatherCampaignReportInput } from '../activities/reports/publish-campaign-report';
import { campaignWorkflowId } from '../contracts';

/** Compiles a campaign's report right now from the same snapshot the workflow's report activity reads. */
export async function compileReportNow(
  client: Client,
  campaignId: string,
  store?: ReportStore,
): Promise<CompiledReport> {
  const { data } = await gatherCampaignReportInput(client, {
    campaignWorkflowId: campaignWorkflowId(campaignId),
    scope: 'campaign',
  });
  const input = CampaignReportInputSchema.parse(data);
  return compileCampaignReport(store === undefined ? input : await withStoredAttachments(input, store));
}
