import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const BIN = path.resolve(__dirname, '../../../bin/campaign.js');

export interface WorkerSetup {
  address: string;
  taskQueue: string;
  dataDir: string;
  smtpUrl: string;
  /** More of the environment, e.g. DATABASE_URL for workers that share PostgreSQL. */
  env?: Record<string, string>;
}

export interface WorkerProcess {
  /** The process that runs the Worker: bin/campaign.js loads tsx in-process, it spawns no child. */
  readonly pid: number;
  /** Resolves once this very process polls both the workflow and the activity queue. */
  ready(client: Client, timeoutMs?: number): Promise<void>;
  /** `kill -9`: no shutdown hook runs, in-flight tasks and activities are simply gone. */
  crash(): Promise<void>;
  /** A graceful stop (SIGTERM), for the end of a test. */
  stop(): Promise<void>;
  /** The last lines the worker wrote, for a failure message. */
  output(): string;
}

/** `campaign worker` as a real process, configured only through its environment, as an operator would run it. */
export function spawnWorker(setup: WorkerSetup): WorkerProcess {
  const child = spawn(process.execPath, [BIN, 'worker'], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: setup.address,
      TEMPORAL_TASK_QUEUE: setup.taskQueue,
      CAMPAIGN_DATA_DIR: setup.dataDir,
      SMTP_URL: setup.smtpUrl,
      MAIL_FROM: 'campaign@county.example',
      ...setup.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the worker process');
  // The SDK's default identity; the server lists it for every poller, so readiness is per process.
  const identity = `${pid}@${os.hostname()}`;

  return {
    pid,
    async ready(client, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      const polls = async (type: temporal.api.enums.v1.TaskQueueType) => {
        const queue = await client.workflowService.describeTaskQueue({
          namespace: 'default',
          taskQueue: { name: setup.taskQueue },
          taskQueueType: type,
        });
        return queue.pollers.some((p) => p.identity === identity);
      };
      for (;;) {
        if (gone()) throw new Error(`worker ${pid} exited before it polled:\n${tail}`);
        const [workflows, activities] = await Promise.all([
          polls(temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
          polls(temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY),
        ]).catch(() => [false, false]);
        if (workflows && activities) return;
        if (Date.now() > deadline) throw new Error(`worker ${pid} did not poll within ${timeoutMs} ms:\n${tail}`);
        await sleep(250);
      }
    },
    async crash() {
      if (gone()) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (gone()) return;
      child.kill('SIGTERM');
      // Running activities get the SDK's grace time; a worker that hangs past it is killed.
      await Promise.race([exited, sleep(20_000).then(() => child.kill('SIGKILL'))]);
      await exited;
    },
    output: () => tail,
  };
}
