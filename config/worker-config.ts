import { z } from 'zod';

/**
 * Worker tuning from the environment. The workflow cache trades memory for CPU: each cached
 * campaign or unit workflow keeps its state in memory (the code is shared, see
 * workflows/preload-shared.ts; bench/ measured 1.3 MB of worker RSS per unit at peak, 0.8 MB with
 * its cases open), and one evicted from the cache is replayed from history on its next task.
 * The SDK's default sizes the cache from the heap limit; a box with less memory caps it here.
 */
const WorkerEnvSchema = z.object({
  CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').optional(),
  ),
});

export interface WorkerTuning {
  maxCachedWorkflows?: number;
}

export class WorkerConfigError extends Error {
  override name = 'WorkerConfigError';
}

export function loadWorkerTuning(env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  const parsed = WorkerEnvSchema.safeParse({
    CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS: env['CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS'],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WorkerConfigError(`${String(issue?.path[0] ?? 'worker settings')}: ${issue?.message ?? 'invalid'}`);
  }
  const max = parsed.data.CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS;
  return max === undefined ? {} : { maxCachedWorkflows: max };
}
