import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { mapWithConcurrency } from '../activities/fanout/map-with-concurrency';
import { benchReport } from './bench-plan';
import { baselineDone, baselineSubmit, type baselineUnit } from './baseline/workflows';
import type { RunFigures } from './figures';
import { Samples } from './load';
import { startMeter } from './meter';
import { startWorkerProcess, whileAlive } from './processes';
import type { RunContext } from './run-context';

/** The baseline's worker process: no-logic workflows only (also the control probe's). */
export const BASELINE_WORKER_ENTRY = [
  path.resolve(__dirname, '../bin/run-ts.js'),
  path.resolve(__dirname, 'baseline/worker.ts'),
];

/**
 * The same units and the same Updates as ours, on minimal workflows: a workflow per unit, then
 * `bursts` rounds in which every unit takes `perBurst` submissions at once (our four phases of two
 * reports), with the same payload and the same codec.
 */
export async function runBaseline(
  units: number,
  bursts: number,
  perBurst: number,
  ctx: Omit<RunContext, 'taskQueue'>,
): Promise<RunFigures> {
  const { client } = ctx;
  const id = `baseline-${units}-${Date.now()}`;
  const taskQueue = `bench-${id}`;
  const worker = await startWorkerProcess(client, {
    entry: BASELINE_WORKER_ENTRY,
    env: { TEMPORAL_ADDRESS: ctx.address },
    taskQueue,
    logFile: path.join(ctx.workDir, `baseline-${units}-worker.log`),
  });
  const samples = new Samples();
  const workflowIds = Array.from({ length: units }, (_, i) => `${id}:unit:${i + 1}`);
  // The load and the figures; given up at once should the worker die.
  const load = async () => {
    const meter = startMeter(worker, ctx.serverPid);
    const started = performance.now();
    await mapWithConcurrency(workflowIds, ctx.concurrency, async (workflowId) => {
      await client.workflow.start<typeof baselineUnit>('baselineUnit', { workflowId, taskQueue });
    });
    for (let burst = 0; burst < bursts; burst++) {
      const work = workflowIds.flatMap((workflowId) =>
        Array.from({ length: perBurst }, (_, n) => ({ workflowId, deliverableId: `p${burst + 1}-d${n + 1}` })),
      );
      await samples.burst(() =>
        mapWithConcurrency(work, ctx.concurrency, async ({ workflowId, deliverableId }) => {
          const input = { deliverableId, report: benchReport(deliverableId), by: `unit:${workflowId}` };
          await samples.time(() =>
            client.workflow.getHandle(workflowId).executeUpdate(baselineSubmit, { args: [input] }),
          );
        }),
      );
    }
    await mapWithConcurrency(workflowIds, ctx.concurrency, async (workflowId) => {
      const handle = client.workflow.getHandle<typeof baselineUnit>(workflowId);
      await handle.signal(baselineDone);
      await handle.result();
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const cpu = meter();
    return {
      units,
      wallSeconds,
      submissions: samples.count,
      submissionsPerSecond: samples.perSecond(),
      submitMs: samples.percentiles(),
      retries: samples.retries,
      worker: { ...cpu.worker, startRssMb: worker.startRssMb, peakRssMb: worker.peakRssMb() },
      server: cpu.server,
      loadGenerator: cpu.loadGenerator,
      otherProcesses: cpu.otherProcesses,
    };
  };
  try {
    return await whileAlive(worker, load());
  } finally {
    await worker.stop();
  }
}
