import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Report } from '../../domain/reports/report-schema';
import {
  asOfNow,
  auditLogQuery,
  campaignWorkflowId,
  submitReportUpdate,
  unitStatusQuery,
  type SubmissionReceipt,
  unitWorkflowId,
} from '../../contracts';
import { mapWithConcurrency } from '../../activities/fanout/map-with-concurrency';
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
 * Every unit sends the reports a phase asks of it once the phase has reached it, as a clerk who
 * looks at what the unit owes (`campaign todo`) before submitting. Asking by query rather than by
 * submitting until the unit stops refusing matters under load: each refused update costs the unit
 * a workflow task of its own, and a worker flooded with those fell behind, lost tasks to timeouts,
 * and once met an SDK fault replaying an update among them (docs/operations.md, "Workers").
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
    await eventually(
      () => handle.query(unitStatusQuery, asOfNow()),
      (s) => phase.deliverables.every((d) => s.rows.some((r) => r.deliverableId === d.id)),
      { what: `${unit.id} to owe ${phaseId}`, timeoutMs: 180_000, intervalMs: 250 },
    ).catch(async (error: unknown) => {
      throw new Error(`${String(error)}\n${await whyNotReached(client, plan.campaign.id, unit.id)}`);
    });
    for (const deliverable of phase.deliverables) {
      const input = { deliverableId: deliverable.id, report: reportFor(plan, deliverable.kind), by: `unit:${unit.id}` };
      receipts.push(await handle.executeUpdate(submitReportUpdate, { args: [input] }));
    }
  });
  return receipts;
}

/**
 * What a unit a phase never reached was sent: the campaign events in its history (how many, and
 * when) and what it refused (the campaign keeps its units' audit), so a failure names its cause.
 */
async function whyNotReached(client: Client, campaignId: string, unitId: string): Promise<string> {
  try {
    const history = await client.workflow.getHandle(unitWorkflowId(campaignId, unitId)).fetchHistory();
    const signals = (history.events ?? [])
      .filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'campaignEvent')
      .map((e) => `#${String(e.eventId)}`);
    const audit = await client.workflow.getHandle(campaignWorkflowId(campaignId)).query(auditLogQuery);
    const refused = audit.entries.filter((e) => e.workflow === unitId).map((e) => `${e.code}: ${e.reason}`);
    const campaign = await client.workflow.getHandle(campaignWorkflowId(campaignId)).describe();
    const activities = (campaign.raw.pendingActivities ?? []).map(
      (a) =>
        `${a.activityType?.name ?? '?'} attempt ${a.attempt ?? 0} state ${String(a.state)}` +
        (a.lastFailure?.message ? ` (last failure: ${a.lastFailure.message})` : ''),
    );
    return [
      `the campaign's activities in flight: ${activities.length === 0 ? 'none' : activities.join('; ')}`,
      `${unitId}: ${signals.length} campaign event(s) in its history (${signals.slice(-8).join(' ')}), ${history.events?.length ?? 0} events in all`,
      `refused by ${unitId}: ${refused.length === 0 ? 'nothing' : refused.slice(-5).join(' | ')}`,
    ].join('\n');
  } catch (error) {
    return `(no diagnosis: ${String(error)})`;
  }
}
