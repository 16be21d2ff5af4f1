import type { Client } from '@temporalio/client';
import { assessmentResultQuery, assessmentStandingQuery, assessmentWorkflowId } from '../../contracts/assessment';
import type { AssessmentResult } from '../../domain/assessment/result-schema';

/**
 * The assessment's published result (考核评比) for the campaign report. Only a result the leading
 * group approved is shown; a campaign without an assessment, or one not yet published, has none.
 * An assessment that does not answer is left out, never fails the report.
 */
export async function gatherAssessmentReport(
  client: Client,
  campaignId: string,
): Promise<{ result: AssessmentResult; approvedBy: string } | undefined> {
  const handle = client.workflow.getHandle(assessmentWorkflowId(campaignId));
  try {
    const standing = await handle.query(assessmentStandingQuery);
    if (standing.stage !== 'published') return undefined;
    const result = await handle.query(assessmentResultQuery);
    return result ? { result, approvedBy: standing.approvedByName ?? standing.approvedBy ?? '' } : undefined;
  } catch {
    return undefined;
  }
}
