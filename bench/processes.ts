import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { sleep } from './load';

const ROOT = path.resolve(__dirname, '..');

/** A field of /proc/<pid>/status in MB (VmRSS, VmHWM), 0 once the process is gone. */
function procStatusMb(pid: number, field: string): number {
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

/** The process and everything it started: should a launcher ever run node through a child, its memory counts. */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' '))
      .filter((s) => s.trim() !== '')
      .map(Number);
  } catch {
    // gone, or no /proc: counted as nothing
  }
  return [pid, ...children.flatMap(processTree)];
}

/** User plus system CPU seconds of a process (Linux /proc, 100 clock ticks a second). */
export function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
  } catch {
    return 0;
  }
}

/** A worker in a process of its own, so that its memory and CPU are measured apart from the load generator's. */
export interface WorkerProcess {
  pid: number;
  logFile: string;
  /** VmHWM: the highest resident memory over the process's life, start-up bundling included. */
  peakRssMb(): number;
  /** Resident memory when it began to poll: the worker's own floor (the SDK, the bundled workflow code). */
  startRssMb: number;
  rssMb(): number;
  cpuSeconds(): number;
  stop(): Promise<void>;
  /**
   * Rejects when the process exits before `stop()` (a crash in the SDK's native layer, an out-of-
   * memory kill): the run fails at once, naming the log, instead of waiting on workflows nobody runs.
   */
  died: Promise<never>;
}

/** The work, unless the worker dies first. */
export function whileAlive<T>(worker: Pick<WorkerProcess, 'died'>, work: Promise<T>): Promise<T> {
  return Promise.race([work, worker.died]);
}

export interface WorkerSpawn {
  /** Arguments to node: a script and its arguments. */
  entry: string[];
  env: Record<string, string>;
  taskQueue: string;
  logFile: string;
}

async function untilPolling(client: Client, taskQueue: string, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const why = exited();
    if (why !== undefined) throw new Error(why);
    const queue = await client.workflowService.describeTaskQueue({
      namespace: 'default',
      taskQueue: { name: taskQueue },
      taskQueueType: 1, // workflow tasks
    });
    if (queue.pollers.length > 0) return;
    if (Date.now() > deadline) throw new Error(`the worker did not poll ${taskQueue} within 3 minutes`);
    await sleep(200);
  }
}

export async function startWorkerProcess(client: Client, spec: WorkerSpawn): Promise<WorkerProcess> {
  // BENCH_NODE_ARGS (e.g. --cpu-prof) goes to the worker's node, to see where its time goes.
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const log = fs.openSync(spec.logFile, 'a');
  // node runs the entry itself (tsx is loaded in-process by bin/*.js), so this pid is the worker.
  const child = spawn(process.execPath, [...nodeArgs, ...spec.entry], {
    cwd: ROOT,
    env: { ...process.env, ...spec.env, TEMPORAL_TASK_QUEUE: spec.taskQueue },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const pid = child.pid ?? 0;
  const tree = () => processTree(pid);
  const sum = (field: string) => tree().reduce((mb, p) => mb + procStatusMb(p, field), 0);
  const exited = () =>
    child.exitCode !== null || child.signalCode !== null
      ? `the worker exited (${String(child.exitCode ?? child.signalCode)}); see ${spec.logFile}`
      : undefined;
  let stopping = false;
  const died = new Promise<never>((_, reject) => {
    child.once('exit', () => {
      if (stopping) return;
      const why = exited() ?? `the worker exited; see ${spec.logFile}`;
      // Said at once: calls still in flight may fail noisily while the run shuts its server down.
      process.stderr.write(`bench: ${why}\n`);
      reject(new Error(why));
    });
  });
  // Nobody may be racing it yet (start-up, or between phases of a run): not an unhandled rejection.
  died.catch(() => undefined);
  try {
    await untilPolling(client, spec.taskQueue, exited);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    pid,
    logFile: spec.logFile,
    startRssMb: sum('VmRSS'),
    peakRssMb: () => sum('VmHWM'),
    rssMb: () => sum('VmRSS'),
    cpuSeconds: () => tree().reduce((s, p) => s + cpuSecondsOf(p), 0),
    died,
    stop: async () => {
      stopping = true;
      if (exited() !== undefined) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([gone, sleep(15_000)]);
      if (exited() === undefined) child.kill('SIGKILL');
    },
  };
}
