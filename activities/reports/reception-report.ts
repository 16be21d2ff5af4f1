import type { Client } from '@temporalio/client';
import type { AsOf } from '../../contracts';
import { receptionProgrammeQuery, receptionWorkflowId } from '../../contracts/receptions';
import type { ReceptionReport } from './reception-report-input';

/**
 * Reads each reception programme's weekly and monthly counts for the campaign report. The campaign
 * workflow names its programmes; a caller without the plan (the CLI's report) finds them by their
 * workflow ids. A programme that does not answer is left out, never fails the report.
 */
export async function gatherReceptionReports(
  client: Client,
  campaignId: string,
  named: readonly string[] | undefined,
  asOf: AsOf,
): Promise<ReceptionReport[]> {
  const ids = named ?? (await programmesOf(client, campaignId));
  const reports: ReceptionReport[] = [];
  for (const programmeId of ids.slice(0, 20)) {
    const handle = client.workflow.getHandle(receptionWorkflowId(campaignId, programmeId));
    const view = await handle.query(receptionProgrammeQuery, { asOf }).catch(() => undefined);
    if (!view) continue;
    const { leaders: _leaders, cases: _cases, ...total } = view.summary;
    reports.push({
      programmeId,
      programmeName: view.programmeName,
      total,
      weeks: view.periods.weeks,
      months: view.periods.months,
    });
  }
  return reports;
}

const MAX_SCANNED = 2000;

async function programmesOf(client: Client, campaignId: string): Promise<string[]> {
  const prefix = receptionWorkflowId(campaignId, '');
  const ids = new Set<string>();
  try {
    let scanned = 0;
    for await (const execution of client.workflow.list({ query: `WorkflowType = 'receptionProgrammeWorkflow'` })) {
      if (execution.workflowId.startsWith(prefix)) ids.add(execution.workflowId.slice(prefix.length));
      // A server holding many campaigns' programmes: look no further than a bounded page or two.
      if (++scanned >= MAX_SCANNED || ids.size >= 20) break;
    }
  } catch {
    // A server without a visibility store: the report goes out without the reception part.
  }
  return [...ids].sort();
}
