import path from 'node:path';
import { projectRoot } from '../config/project-root';
import { createActivities, type ActivityDependencies } from '../activities';
import { campaignKeyring } from '../codec/data-converter';
import { describeStoreConfig, loadStoreConfig, openStores, type StoreConfig } from '../stores';
import { loadMailConfig, describeMailTarget, type MailConfig } from '../config/mail-config';
import type { TemporalConfig } from '../config/temporal-connection';
import { connectClient } from '../temporal-client/campaign-client';
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
  /** Where shared state lives; default from the environment (DATABASE_URL, else the data folder). */
  stores?: StoreConfig;
}

/** Runs the campaign worker: the workflows plus every activity, wired to real mail and a real store. */
export async function runCampaignWorker(options: CampaignWorkerOptions): Promise<void> {
  const mailConfig = options.mailConfig ?? loadMailConfig();
  const storeConfig = options.stores ?? loadStoreConfig(process.env, mailConfig);
  // Before anything connects: a host that would make a key of its own refuses to start (keyring.ts).
  campaignKeyring();
  const log = options.log ?? ((line: string) => console.error(line));
  const stores = await openStores(storeConfig, log);
  const client = await connectClient(options.temporal).catch(async (error: unknown) => {
    await stores.close();
    throw error;
  });
  try {
    const activities = createActivities({
      client,
      mailConfig,
      store: stores.reports,
      shared: stores,
      mail: options.mail,
    });
    const taskQueue = options.taskQueue ?? options.temporal.taskQueue;
    const queues = [taskQueue, unitTaskQueueOf(taskQueue)];
    log(
      `worker: ${options.temporal.address} namespace ${options.temporal.namespace}, task queues ${queues.join(' (campaigns) and ')} (units); mail ${describeMailTarget(mailConfig)}; shared state in ${describeStoreConfig(storeConfig)}`,
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
    await stores.close();
  }
}
