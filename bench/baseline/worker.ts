import path from 'node:path';
import { requireTemporalConfig } from '../../config/temporal-connection';
import { loadWorkerTuning } from '../../config/worker-config';
import { runWorker } from '../../worker/run-worker';

/**
 * The baseline's worker, in a process of its own like ours, on the task queue the environment
 * names, with the same codec and the same cache tuning (CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS).
 */
void runWorker({
  connectionConfig: requireTemporalConfig(),
  workflowsPath: path.resolve(__dirname, 'workflows.ts'),
  activities: {},
  workerOptions: loadWorkerTuning(),
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
