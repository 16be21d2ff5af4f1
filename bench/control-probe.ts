import type { Client } from '@temporalio/client';
import { baselineCount, baselineDone, type baselineUnit } from './baseline/workflows';
import { BASELINE_WORKER_ENTRY } from './baseline';
import { startWorkerProcess, type WorkerProcess } from './processes';

/**
 * The control for the leaders' status query: a no-logic workflow on an idle worker of its own,
 * asked a query that computes nothing, at the same moments and on the same server as our campaign
 * is asked for its status. What it waits is the engine's and the machine's share of the status
 * query's latency under our load; the rest is our campaign's.
 */
export interface ControlProbe {
  query(): Promise<number>;
  stop(): Promise<void>;
}

export async function startControlProbe(
  client: Client,
  options: { address: string; id: string; logFile: string },
): Promise<ControlProbe> {
  const taskQueue = `bench-control-${options.id}`;
  const worker: WorkerProcess = await startWorkerProcess(client, {
    entry: BASELINE_WORKER_ENTRY,
    env: { TEMPORAL_ADDRESS: options.address },
    taskQueue,
    logFile: options.logFile,
  });
  try {
    const handle = await client.workflow.start<typeof baselineUnit>('baselineUnit', {
      workflowId: `control-${options.id}`,
      taskQueue,
    });
    // The first query waits for the workflow's first task; later ones find it cached.
    await handle.query(baselineCount);
    return {
      query: () => handle.query(baselineCount),
      stop: async () => {
        await handle.signal(baselineDone).catch(() => undefined);
        await worker.stop();
      },
    };
  } catch (error) {
    await worker.stop();
    throw error;
  }
}
