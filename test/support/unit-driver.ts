import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Report } from '../../domain/reports/report-schema';
import { submitReportUpdate, unitStatusQuery, type SubmissionReceipt } from '../../workflows/messages';
import { unitWorkflowId } from '../../workflows/workflow-ids';
import { eventually } from './eventually';

/** Waits until a unit owes `key` (its phase has reached the unit), then submits it, as a unit's clerk would. */
export async function submitWhenOwed(
  client: Client,
  campaignId: string,
  unitId: string,
  key: string,
  report: Report,
  timeoutMs = 60_000,
): Promise<SubmissionReceipt> {
  const unit = client.workflow.getHandle(unitWorkflowId(campaignId, unitId));
  // The unit workflow is started by the campaign's first broadcast, so at first it may not exist.
  const status = await eventually(
    () =>
      unit.query(unitStatusQuery).catch((err: unknown) => {
        if (err instanceof WorkflowNotFoundError) return undefined;
        throw err;
      }),
    (s) => s?.rows.some((r) => r.key === key) ?? false,
    { what: `${unitId} to owe ${key}`, timeoutMs, intervalMs: 200 },
  );
  const row = status!.rows.find((r) => r.key === key)!;
  const occurrence = key.includes('@') ? key.slice(key.indexOf('@') + 1) : undefined;
  return unit.executeUpdate(submitReportUpdate, {
    args: [{ deliverableId: row.deliverableId, occurrence, report, by: `unit:${unitId}` }],
  });
}
