import path from 'node:path';
import { projectRoot } from '../config/project-root';
import { createActivities, type ActivityDependencies } from '../activities';
import { createFolderReportStore } from '../activities/reports/report-store';
import { loadMailConfig, describeMailTarget, type MailConfig } from '../config/mail-config';
import { connectClient, type TemporalConfig } from '../config/temporal-connection';
import { loadWorkerTuning } from '../config/worker-config';
import { runWorker } from './run-worker';
import { unitTaskQueueOf } from '../contracts';

// From the sources even when this runs compiled (dist/): the bundle is built from TypeScript.
export const WORKFLOWS_PATH = path.join(projectRoot, 'workflows', 'index.ts');

export interface CampaignWorkerOptions {
  temporal: TemporalConfig;
  mailConfig?: MailConfig;
  taskQueue?: string;
  signal?: AbortSignal;
  mail?: ActivityDependencies['mail'];
  log?: (line: string) => void;
}

/** Runs the campaign worker: the workflows plus every activity, wired to real mail and a real store. */
export async function runCampaignWorker(options: CampaignWorkerOptions): Promise<void> {
  const mailConfig = options.mailConfig ?? loadMailConfig();
  const client = await connectClient(options.temporal);
  const log = options.log ?? ((line: string) => console.error(line));
  try {
    const activities = createActivities({
      client,
      mailConfig,
      store: createFolderReportStore({ dataDir: mailConfig.dataDir }),
      mail: options.mail,
    });
    const taskQueue = options.taskQueue ?? options.temporal.taskQueue;
    const queues = [taskQueue, unitTaskQueueOf(taskQueue)];
    log(
      `worker: ${options.temporal.address} namespace ${options.temporal.namespace}, task queues ${queues.join(' (campaigns) and ')} (units); mail ${describeMailTarget(mailConfig)}`,
    );
    // One Worker per queue, each with its own workflow thread, so a campaign's tasks (and the
    // leaders' status queries) never wait behind its units' (contracts/task-queues.ts). Both
    // register everything: units of campaigns started before the split live on the first queue.
    const stop = new AbortController();
    const stopAll = () => stop.abort();
    options.signal?.addEventListener('abort', stopAll, { once: true });
    if (options.signal?.aborted) stopAll();
    const tuning = loadWorkerTuning();
    try {
      const outcomes = await Promise.allSettled(
        queues.map((queue) =>
          runWorker({
            connectionConfig: options.temporal,
            taskQueue: queue,
            workflowsPath: WORKFLOWS_PATH,
            activities,
            signal: stop.signal,
            workerOptions: tuning,
          }).finally(stopAll),
        ),
      );
      const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (failed) throw failed.reason;
    } finally {
      options.signal?.removeEventListener('abort', stopAll);
    }
  } finally {
    await client.connection.close();
  }
}
