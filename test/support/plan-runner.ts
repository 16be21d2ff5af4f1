import type { Plan } from '../../domain/plan/schema';
import type { Report } from '../../domain/reports/report-schema';
import { mapWithConcurrency } from '../../activities/fanout/map-with-concurrency';
import {
  approvePhaseUpdate,
  campaignStatusQuery,
  submitReportUpdate,
  unitStatusQuery,
  unitWorkflowId,
} from '../../contracts';
import type { Client } from '@temporalio/client';
import type { PlanTimeHarness } from './time-skipping-harness';

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
export async function submitEverythingOwed(h: { client: Client }, plan: Plan, concurrency = 8): Promise<number> {
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

/**
 * Lives through the plan one day at a time on the time-skipping server: units send what they owe
 * each noon, leaders approve a phase that waits once its window has ended.
 */
export async function runWholePlan(h: PlanTimeHarness, plan: Plan) {
  const lastDay = h.clock.planOriginMs + 400 * DAY;
  for (let day = h.clock.planOriginMs + 12 * 3_600_000; day < lastDay; day += DAY) {
    await h.runUntil(day);
    await submitEverythingOwed(h, plan);
    const status = await h.handle.query(campaignStatusQuery);
    if (status.status !== 'running') return h.handle.result();
    const waiting = status.phases.find(
      (p) => p.status === 'open' && p.gate === 'approval' && p.window && p.window.endMs <= day,
    );
    if (waiting) await h.handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: waiting.id, by: 'leader' }] });
  }
  throw new Error('the plan did not finish within 400 days');
}
