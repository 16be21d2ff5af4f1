import type { Plan } from '../../domain/plan/schema';
import type { Report } from '../../domain/reports/report-schema';
import { mapWithConcurrency } from '../../activities/fanout/map-with-concurrency';
import { approvePhaseUpdate, campaignStatusQuery, submitReportUpdate, unitStatusQuery } from '../../workflows/messages';
import { unitWorkflowId } from '../../workflows/workflow-ids';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { campaignWorkflow } from '../../workflows/campaign-workflow';
import type { PlanTimeHarness } from './time-skipping-harness';

/** What drives a plan forward: a client, the campaign, and how to let (plan) time pass. */
export interface PlanDriver {
  client: Client;
  handle: WorkflowHandle<typeof campaignWorkflow>;
  advance(): Promise<void>;
}

/** On the time-skipping server: jump from one noon of the plan to the next. */
export function dayByDay(h: PlanTimeHarness): PlanDriver {
  let day = h.clock.planOriginMs + 12 * 3_600_000;
  return {
    client: h.client,
    handle: h.handle,
    advance: async () => {
      await h.runUntil(day);
      day += DAY;
    },
  };
}

/** On the dev server in a rehearsal: look again every `intervalMs` of real time. */
export function realTime(client: Client, handle: PlanDriver['handle'], intervalMs = 500): PlanDriver {
  return { client, handle, advance: () => new Promise((resolve) => setTimeout(resolve, intervalMs)) };
}

const DAY = 86_400_000;
const attachment = { name: 'report.pdf', ref: `sha256:${'a'.repeat(64)}`, size: 1024, mediaType: 'application/pdf' };

/** A report that satisfies any kind, built-in or defined by the plan. */
export function reportFor(plan: Plan, kind: string): Report {
  const fields = Object.fromEntries(
    (plan.reportKinds[kind]?.fields ?? []).map((f) => [
      f.name,
      f.type === 'number' ? 1 : f.type === 'date' ? '2026-05-01' : '已完成',
    ]),
  );
  return { text: '情况说明', members: [{ name: '张三' }], fields, attachments: [attachment] };
}

/** Every unit sends whatever it owes and has not sent, several units at a time as real clerks would. */
export async function submitEverythingOwed(
  h: Pick<PlanDriver, 'client'>,
  plan: Plan,
  concurrency = 8,
): Promise<number> {
  let sent = 0;
  await mapWithConcurrency(plan.units, concurrency, async (unit) => {
    const handle = h.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, unit.id));
    const status = await handle.query(unitStatusQuery).catch(() => undefined);
    for (const row of status?.rows.filter((r) => r.state === 'open') ?? []) {
      const occurrence = row.key.includes('@') ? row.key.split('@')[1] : undefined;
      await handle.executeUpdate(submitReportUpdate, {
        args: [
          { deliverableId: row.deliverableId, occurrence, report: reportFor(plan, row.kind), by: `unit:${unit.id}` },
        ],
      });
      sent += 1;
    }
  });
  return sent;
}

/** Lives through the plan: units send what they owe as it comes due, leaders approve what waits. */
export async function runWholePlan(driver: PlanDriver, plan: Plan) {
  for (let rounds = 0; ; rounds++) {
    await driver.advance();
    await submitEverythingOwed(driver, plan);
    const status = await driver.handle.query(campaignStatusQuery);
    if (status.status !== 'running') break;
    const waiting = status.phases.find(
      (p) => p.status === 'open' && p.gate === 'approval' && p.window && p.window.endMs <= status.nowMs,
    );
    if (waiting)
      await driver.handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: waiting.id, by: 'leader' }] });
    if (rounds > 2000) throw new Error('the plan did not finish');
  }
  return driver.handle.result();
}
