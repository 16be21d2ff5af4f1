import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RunFigures } from './figures';
import { baselineDone, baselineSubmit, type baselineUnit } from './baseline/workflows';
import { Samples, withConcurrency } from './load';
import type { RunContext } from './ours';
import { cpuSecondsOf, startWorkerProcess } from './processes';

const ENTRY = [path.resolve(__dirname, '../bin/run-ts.js'), path.resolve(__dirname, 'baseline/worker.ts')];

/** The same units and the same number of Updates as ours, on minimal workflows. */
export async function runBaseline(units: number, updates: number, ctx: RunContext): Promise<RunFigures> {
  const { client } = ctx;
  const id = `baseline-${units}-${Date.now()}`;
  const taskQueue = `bench-${id}`;
  const worker = await startWorkerProcess(ENTRY, { TEMPORAL_ADDRESS: ctx.address }, client, taskQueue);
  const serverCpu = cpuSecondsOf(ctx.serverPid);
  const workerCpu = worker.cpuSeconds();
  const samples = new Samples();
  const workflowIds = Array.from({ length: units }, (_, i) => `${id}:unit:${i + 1}`);
  const started = performance.now();
  try {
    await withConcurrency(workflowIds, ctx.concurrency, async (workflowId) => {
      await client.workflow.start<typeof baselineUnit>('baselineUnit', { workflowId, taskQueue });
    });
    const perUnit = Math.ceil(updates / units);
    const work = workflowIds.flatMap((workflowId) => Array.from({ length: perUnit }, (_, n) => ({ workflowId, n })));
    await withConcurrency(work, ctx.concurrency, async ({ workflowId, n }) => {
      await samples.time(() => client.workflow.getHandle(workflowId).executeUpdate(baselineSubmit, { args: [{ n }] }));
    });
    await withConcurrency(workflowIds, ctx.concurrency, async (workflowId) => {
      await client.workflow.getHandle(workflowId).signal(baselineDone);
    });
    await withConcurrency(workflowIds, ctx.concurrency, async (workflowId) => {
      await client.workflow.getHandle(workflowId).result();
    });
    return {
      units,
      wallSeconds: (performance.now() - started) / 1000,
      submissions: samples.latenciesMs.length,
      submissionsPerSecond: samples.perSecond(),
      submitMs: { p50: samples.percentile(50), p95: samples.percentile(95), p99: samples.percentile(99) },
      workerPeakRssMb: worker.peakRssMb(),
      workerCpuSeconds: worker.cpuSeconds() - workerCpu,
      serverCpuSeconds: cpuSecondsOf(ctx.serverPid) - serverCpu,
    };
  } finally {
    await worker.stop();
  }
}
