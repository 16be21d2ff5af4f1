import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Report } from '../../domain/reports/report-schema';
import { asOfNow, submitReportUpdate, unitStatusQuery, type SubmissionReceipt } from '../../workflows/messages';
import { unitWorkflowId } from '../../workflows/workflow-ids';
import { mapWithConcurrency } from '../../activities/fanout/map-with-concurrency';
import { rejectionOf } from '../../client/update-rejection';
import type { Plan } from '../../domain/plan/schema';
import { eventually } from './eventually';
import { reportFor } from './plan-runner';

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
      unit.query(unitStatusQuery, asOfNow()).catch((err: unknown) => {
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

/**
 * Every unit sends the reports a phase asks of it as soon as the phase reaches it: the push-style
 * clerk of a large test, who needs no query per unit. A unit the phase has not reached yet refuses
 * with `unknown_deliverable`; it is simply asked again a moment later.
 */
export async function submitPhase(
  client: Client,
  plan: Plan,
  phaseId: string,
  concurrency = 16,
): Promise<SubmissionReceipt[]> {
  const phase = plan.phases.find((p) => p.id === phaseId)!;
  const receipts: SubmissionReceipt[] = [];
  await mapWithConcurrency(plan.units, concurrency, async (unit) => {
    const handle = client.workflow.getHandle(unitWorkflowId(plan.campaign.id, unit.id));
    for (const deliverable of phase.deliverables) {
      const args = [
        { deliverableId: deliverable.id, report: reportFor(plan, deliverable.kind), by: `unit:${unit.id}` },
      ] as const;
      for (let attempt = 0; ; attempt++) {
        try {
          receipts.push(await handle.executeUpdate(submitReportUpdate, { args: [...args] }));
          break;
        } catch (err) {
          if (rejectionOf(err)?.type !== 'unknown_deliverable' || attempt > 900) throw err;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    }
  });
  return receipts;
}
