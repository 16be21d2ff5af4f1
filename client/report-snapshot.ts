import type { Client } from '@temporalio/client';
import { compileCampaignReport, type CompiledReport } from '../activities/reports';
import { gatherCampaignReportInput } from '../activities/reports/publish-campaign-report';
import { campaignWorkflowId } from '../contracts';

/** Compiles a campaign's report right now from the same snapshot the workflow's report activity reads. */
export async function compileReportNow(client: Client, campaignId: string): Promise<CompiledReport> {
  const { data } = await gatherCampaignReportInput(client, {
    campaignWorkflowId: campaignWorkflowId(campaignId),
    scope: 'campaign',
  });
  return compileCampaignReport(data);
}
