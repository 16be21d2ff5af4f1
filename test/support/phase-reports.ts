import type { Client } from '@temporalio/client';
import { phaseReportWorkflowId } from '../../contracts';
import { eventually } from './eventually';

/**
 * Waits for a revision of a phase's report to be started and to finish. The campaign starts it a
 * moment after the unit's progress reaches it, so asking for its result at once can find nothing.
 */
export async function phaseReportDone(
  client: Client,
  campaignWorkflowId: string,
  phaseId: string,
  revision = 1,
): Promise<void> {
  const report = client.workflow.getHandle(phaseReportWorkflowId(campaignWorkflowId, phaseId, revision));
  await eventually(
    () =>
      report.describe().then(
        () => true,
        () => false,
      ),
    (started) => started,
    { what: `revision ${revision} of the ${phaseId} report to start` },
  );
  await report.result();
}
