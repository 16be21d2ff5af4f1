import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Client } from '@temporalio/client';
import { startCampaign } from '../client/start-campaign';
import { rejectionOf } from '../client/update-rejection';
import {
  approvePhaseUpdate,
  asOfNow,
  campaignStatusQuery,
  caseEventUpdate,
  fileCasesUpdate,
  submitReportUpdate,
} from '../workflows/messages';
import { campaignWorkflowId, unitWorkflowId } from '../workflows/workflow-ids';
import { benchCase, benchPlan } from './bench-plan';
import type { RunFigures } from './figures';
import { historySize, meanHistory } from './histories';
import { probeLoop, Samples, withConcurrency } from './load';
import { cpuSecondsOf, startWorkerProcess } from './processes';

const DAY_MS = 86_400_000;
// One plan day per ten seconds: every window is open from the start and no deadline comes near.
const SCALE = DAY_MS / 10_000;
const BIN = path.resolve(__dirname, '../bin/campaign.js');

export interface RunContext {
  client: Client;
  address: string;
  serverPid: number | undefined;
  concurrency: number;
  cases: number;
  log: (line: string) => void;
}

/** An update a unit may refuse for a moment: its phase-opened event is still on its way. */
async function untilAccepted<T>(samples: Samples, call: () => Promise<T>): Promise<T> {
  for (;;) {
    const start = performance.now();
    try {
      const result = await call();
      samples.record(performance.now() - start);
      return result;
    } catch (error) {
      const rejection = rejectionOf(error);
      if (rejection?.type !== 'unknown_deliverable' && rejection?.type !== 'filing_not_open') throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function phaseOpen(client: Client, campaignId: string, phaseId: string): Promise<void> {
  const handle = client.workflow.getHandle(campaignWorkflowId(campaignId));
  for (;;) {
    const status = await handle.query(campaignStatusQuery, asOfNow());
    if (status.phases.find((p) => p.id === phaseId)?.status === 'open') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function runOurs(units: number, ctx: RunContext): Promise<RunFigures> {
  const { client } = ctx;
  const id = `bench-${units}-${Date.now()}`;
  const plan = benchPlan(id, units);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-bench-'));
  const taskQueue = `bench-ours-${id}`;
  const worker = await startWorkerProcess(
    [BIN, 'worker'],
    { TEMPORAL_ADDRESS: ctx.address, CAMPAIGN_DATA_DIR: dataDir, SMTP_URL: '' },
    client,
    taskQueue,
  );
  const serverCpu = cpuSecondsOf(ctx.serverPid);
  const workerCpu = worker.cpuSeconds();
  const submissions = new Samples();
  const caseUpdates = new Samples();
  const statusQueries = new Samples();
  const started = performance.now();
  try {
    const handle = await startCampaign(client, plan, { taskQueue, startedBy: 'office', rehearsalScale: SCALE });
    const stopProbe = probeLoop(statusQueries, () => handle.query(campaignStatusQuery, asOfNow()), 250);
    const unitHandle = (unitId: string) => client.workflow.getHandle(unitWorkflowId(id, unitId));
    for (const phase of plan.phases) {
      await phaseOpen(client, id, phase.id);
      ctx.log(`  ours ${units}: ${phase.id} open`);
      const work = plan.units.flatMap((u) => phase.deliverables.map((d) => ({ unitId: u.id, deliverableId: d.id })));
      await withConcurrency(work, ctx.concurrency, async ({ unitId, deliverableId }) => {
        const report = { text: `${deliverableId} 已完成` };
        const args = [{ deliverableId, report, by: `unit:${unitId}` }] as const;
        await untilAccepted(submissions, () =>
          unitHandle(unitId).executeUpdate(submitReportUpdate, { args: [...args] }),
        );
      });
      if (phase.casesFiling && ctx.cases > 0) {
        await withConcurrency(plan.units, ctx.concurrency, async (u) => {
          const filings = Array.from({ length: ctx.cases }, (_, i) => benchCase(i + 1));
          await untilAccepted(caseUpdates, () =>
            unitHandle(u.id).executeUpdate(fileCasesUpdate, { args: [{ filings, by: `unit:${u.id}` }] }),
          );
        });
        ctx.log(`  ours ${units}: ${units * ctx.cases} cases filed`);
      }
      if (phase === plan.phases.at(-1) && ctx.cases > 0) {
        // The tick-off (逐件对账销号): every open case needs next steps before the final approval.
        const cases = plan.units.flatMap((u) =>
          Array.from({ length: ctx.cases }, (_, i) => ({
            unitId: u.id,
            caseId: `${u.id}-${String(i + 1).padStart(4, '0')}`,
          })),
        );
        await withConcurrency(cases, ctx.concurrency, async ({ unitId, caseId }) => {
          const event = { type: 'nextSteps', caseId, by: `unit:${unitId}`, text: '下一步继续跟踪化解' } as const;
          await untilAccepted(caseUpdates, () => unitHandle(unitId).executeUpdate(caseEventUpdate, { args: [event] }));
        });
        // The units' reports of reconciled cases travel by signal; approval waits for the last one.
        for (;;) {
          const status = await handle.query(campaignStatusQuery, asOfNow());
          if (status.ledger.unreconciled === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
      await handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: phase.id, by: 'leader:head' }] });
    }
    await handle.result();
    const wallSeconds = (performance.now() - started) / 1000;
    await stopProbe();
    const sample = plan.units.filter((_, i) => i % Math.max(1, Math.floor(units / 10)) === 0).slice(0, 10);
    const campaignHistory = await historySize(client, campaignWorkflowId(id));
    const unitHistory = await meanHistory(
      client,
      sample.map((u) => unitWorkflowId(id, u.id)),
    );
    return {
      units,
      wallSeconds,
      submissions: submissions.latenciesMs.length,
      submissionsPerSecond: submissions.perSecond(),
      submitMs: { p50: submissions.percentile(50), p95: submissions.percentile(95), p99: submissions.percentile(99) },
      statusQueryMs: {
        p50: statusQueries.percentile(50),
        p95: statusQueries.percentile(95),
        p99: statusQueries.percentile(99),
        samples: statusQueries.latenciesMs.length,
      },
      caseUpdates: caseUpdates.latenciesMs.length,
      caseUpdatesPerSecond: caseUpdates.perSecond(),
      workerPeakRssMb: worker.peakRssMb(),
      workerCpuSeconds: worker.cpuSeconds() - workerCpu,
      serverCpuSeconds: cpuSecondsOf(ctx.serverPid) - serverCpu,
      campaignHistory,
      unitHistory,
      historyBytesPerUnit: campaignHistory.bytes / units + unitHistory.bytes,
      openCasesAtPeak: units * ctx.cases,
    };
  } finally {
    await worker.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
