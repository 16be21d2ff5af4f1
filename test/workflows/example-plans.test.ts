import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../client/plan/read-plan-file';
import type { Plan } from '../../domain/plan/schema';
import type { Report } from '../../domain/reports/report-schema';
import { approvePhaseUpdate, campaignStatusQuery, submitReportUpdate, unitStatusQuery } from '../../workflows/messages';
import { unitWorkflowId } from '../../workflows/workflow-ids';
import { uniqueId } from '../helpers/temporal';
import { withPlanTime, type PlanTimeHarness } from '../support/time-skipping-harness';

const DAY = 86_400_000;
const attachment = {
  name: 'report.pdf',
  ref: `sha256:${'a'.repeat(64)}`,
  size: 1024,
  mediaType: 'application/pdf',
};

async function examplePlan(file: string): Promise<Plan> {
  const result = await readPlanFile(path.join(__dirname, '../../examples', file));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return { ...result.plan, campaign: { ...result.plan.campaign, id: uniqueId(file.replace('.yaml', '')) } };
}

/** A report that satisfies any kind, built-in or defined by the plan. */
function reportFor(plan: Plan, kind: string): Report {
  const fields = Object.fromEntries(
    (plan.reportKinds[kind]?.fields ?? []).map((f) => [f.name, f.type === 'number' ? 1 : f.type === 'date' ? '2026-05-01' : '已完成']),
  );
  return { text: '情况说明', members: [{ name: '张三' }], fields, attachments: [attachment] };
}

async function submitEverythingOwed(h: PlanTimeHarness, plan: Plan): Promise<number> {
  let sent = 0;
  for (const unit of plan.units) {
    const handle = h.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, unit.id));
    const status = await handle.query(unitStatusQuery).catch(() => undefined);
    for (const row of status?.rows.filter((r) => r.state === 'open') ?? []) {
      const occurrence = row.key.includes('@') ? row.key.split('@')[1] : undefined;
      await handle.executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: row.deliverableId, occurrence, report: reportFor(plan, row.kind), by: `unit:${unit.id}` }],
      });
      sent += 1;
    }
  }
  return sent;
}

/** Lives through the plan one day at a time: units send what they owe each noon, leaders approve what waits. */
async function runWholePlan(h: PlanTimeHarness, plan: Plan) {
  for (let day = h.clock.planOriginMs + 12 * 3_600_000; ; day += DAY) {
    await h.runUntil(day);
    await submitEverythingOwed(h, plan);
    const status = await h.handle.query(campaignStatusQuery);
    if (status.status !== 'running') break;
    const waiting = status.phases.find((p) => p.status === 'open' && p.gate === 'approval' && p.window && p.window.endMs <= day);
    if (waiting) await h.handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: waiting.id, by: 'leader' }] });
    if (day > h.clock.planOriginMs + 400 * DAY) throw new Error('the plan did not finish within 400 days');
  }
  return h.handle.result();
}

describe('example plans run from start to summary', () => {
  it.each([
    ['school-three-phase.yaml', 3],
    ['weekly-progress.yaml', 3],
  ])('%s, with every report on time', async (file, phaseCount) => {
    const plan = await examplePlan(file);
    expect(plan.phases).toHaveLength(phaseCount);
    await withPlanTime(plan, async (h) => {
      const summary = await runWholePlan(h, plan);
      expect(summary.status).toBe('completed');
      expect(summary.totals.owed).toBeGreaterThan(plan.units.length);
      expect(summary.totals).toMatchObject({ onTime: summary.totals.owed, late: 0, missing: 0 });
      expect(summary.accountabilityMarks).toBe(0);
    });
  });
});
