import type { Client } from '@temporalio/client';
import { receptionWorkflowId } from '../contracts/receptions';

/** The reception programmes a campaign runs, found by their workflow ids (no plan file needed), sorted. */
export async function runningProgrammeIds(client: Client, campaignId: string): Promise<string[]> {
  const prefix = receptionWorkflowId(campaignId, '');
  const ids: string[] = [];
  const query = `WorkflowType = 'receptionProgrammeWorkflow' AND ExecutionStatus = 'Running'`;
  for await (const execution of client.workflow.list({ query })) {
    if (execution.workflowId.startsWith(prefix)) ids.push(execution.workflowId.slice(prefix.length));
  }
  return ids.sort();
}
