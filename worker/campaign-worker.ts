import path from 'node:path';
import { createActivities, type ActivityDependencies } from '../activities';
import { createFolderReportStore } from '../activities/reports/report-store';
import { loadMailConfig, describeMailTarget, type MailConfig } from '../config/mail-config';
import { connectClient, type TemporalConfig } from '../config/temporal-connection';
import { loadWorkerTuning } from '../config/worker-config';
import { runWorker } from './run-worker';

export const WORKFLOWS_PATH = path.resolve(__dirname, '../workflows/index.ts');

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
    log(
      `worker: ${options.temporal.address} namespace ${options.temporal.namespace}, task queue ${taskQueue}; mail ${describeMailTarget(mailConfig)}`,
    );
    await runWorker({
      connectionConfig: options.temporal,
      taskQueue,
      workflowsPath: WORKFLOWS_PATH,
      activities,
      signal: options.signal,
      workerOptions: loadWorkerTuning(),
    });
  } finally {
    await client.connection.close();
  }
}
