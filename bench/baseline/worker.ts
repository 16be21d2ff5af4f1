import path from 'node:path';
import { requireTemporalConfig } from '../../config/temporal-connection';
import { runWorker } from '../../worker/run-worker';

/** The baseline's worker, in a process of its own like ours, on the task queue the environment names. */
void runWorker({
  connectionConfig: requireTemporalConfig(),
  workflowsPath: path.resolve(__dirname, 'workflows.ts'),
  activities: {},
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
