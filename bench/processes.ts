import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';

/** A worker in its own process, so its memory and CPU are its own, sampled from /proc. */
export interface WorkerProcess {
  pid: number;
  peakRssMb(): number;
  startupPeakRssMb(): number;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..');

function procStatus(pid: number, field: string): number {
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** User plus system CPU time of a process, in seconds (Linux /proc; clock ticks of 100 Hz). */
export function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
  } catch {
    return 0;
  }
}

export async function startWorkerProcess(
  entry: string[],
  env: Record<string, string>,
  client: Client,
  taskQueue: string,
): Promise<WorkerProcess> {
  // BENCH_NODE_ARGS (e.g. --cpu-prof) goes to the worker's node, to see where its time goes.
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, TEMPORAL_TASK_QUEUE: taskQueue },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString('utf8')).slice(-4000)));
  const pid = child.pid ?? 0;
  let peak = 0;
  // Resident memory under load, sampled from the moment the worker polls; the start-up peak of
  // bundling the workflow code (webpack) is reported apart as VmHWM.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the worker exited: ${errors}`);
    const queue = await client.workflowService.describeTaskQueue({
      namespace: 'default',
      taskQueue: { name: taskQueue },
      taskQueueType: 1,
    });
    if (queue.pollers.length > 0) break;
    if (Date.now() > deadline) throw new Error(`the worker did not poll within 2 minutes: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const sampler = setInterval(() => (peak = Math.max(peak, procStatus(pid, 'VmRSS'))), 250);
  return {
    pid,
    peakRssMb: () => Math.max(peak, procStatus(pid, 'VmRSS')),
    startupPeakRssMb: () => procStatus(pid, 'VmHWM'),
    cpuSeconds: () => cpuSecondsOf(pid),
    stop: async () => {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
