import {
  DefaultLogger,
  NativeConnection,
  Worker,
  type Logger,
  type WorkerOptions,
  type WorkflowBundleOption,
} from '@temporalio/worker';
import path from 'node:path';
import { projectRoot } from '../config/project-root';
import { campaignDataConverter, FAILURE_CONVERTER_PATH } from '../codec/data-converter';
import { toConnectionOptions, type TemporalConfig } from '../config/temporal-connection';
import { bundleAndSave, freshBundlePath } from './bundle-cache';

// Loaded once per workflow thread before any workflow: the modules every workflow shares.
const PRELOAD_SHARED_PATH = path.join(projectRoot, 'workflows', 'preload-shared.ts');

/** How every workflow bundle of the project is built (the prebuilt ones too, worker/bundle-cache.ts). */
export function workflowBundleOptions(workflowsPath: string) {
  return {
    workflowsPath: path.resolve(workflowsPath),
    // The workflow sandbox converts its own failures: it needs the encrypting converter built in.
    failureConverterPath: FAILURE_CONVERTER_PATH,
    // Schemas and pure rules are evaluated once per workflow thread, not once per workflow.
    preloadModules: [PRELOAD_SHARED_PATH],
  };
}

/**
 * Bundling workflow code (webpack + swc) costs about 10 s of CPU. A bundle built earlier from the
 * same sources (`npm run build`, the test run's setup, an earlier worker) is loaded from disk;
 * otherwise this process bundles once, saves it for the next, and every Worker it creates (several
 * task queues, repeated test workers) reuses it. The promise is cached so concurrent callers share
 * one bundling run.
 */
const bundles = new Map<string, Promise<WorkflowBundleOption>>();

export function bundleWorkflowsOnce(
  workflowsPath: string,
  // WARN by default: at INFO the bundler dumps webpack's module table on every start.
  logger: Logger = new DefaultLogger('WARN'),
): Promise<WorkflowBundleOption> {
  const key = path.resolve(workflowsPath);
  let bundle = bundles.get(key);
  if (bundle === undefined) {
    const options = workflowBundleOptions(key);
    // CAMPAIGN_BUNDLE_CACHE=off bundles in-process every time, as before bundles were kept on disk.
    const cache = process.env['CAMPAIGN_BUNDLE_CACHE'] !== 'off';
    const prebuilt = cache ? freshBundlePath(options) : undefined;
    bundle =
      prebuilt === undefined
        ? bundleAndSave({ ...options, logger }, { save: cache }).then(({ code }) => ({ code }))
        : Promise.resolve({ codePath: prebuilt });
    // A failed bundle (syntax error while editing) must not poison later attempts.
    bundle.catch(() => bundles.delete(key));
    bundles.set(key, bundle);
  }
  return bundle;
}

export interface RunWorkerOptions {
  connectionConfig: TemporalConfig;
  /** Defaults to `connectionConfig.taskQueue`. */
  taskQueue?: string;
  workflowsPath: string;
  activities: NonNullable<WorkerOptions['activities']>;
  /** Aborting shuts the worker down gracefully (in-flight tasks finish first). */
  signal?: AbortSignal;
  /** Tuning passed through to `Worker.create` (concurrency limits, identity, interceptors). */
  workerOptions?: Omit<
    WorkerOptions,
    'connection' | 'namespace' | 'taskQueue' | 'workflowBundle' | 'workflowsPath' | 'activities'
  >;
}

/**
 * Runs one Worker until it is shut down, then closes its connection. SIGINT and SIGTERM already
 * trigger a graceful shutdown through the SDK Runtime's default `shutdownSignals`, so a Ctrl+C
 * lets running activities finish (up to `shutdownGraceTime`) before this promise resolves.
 */
export async function runWorker(options: RunWorkerOptions): Promise<void> {
  const workflowBundle = await bundleWorkflowsOnce(options.workflowsPath);
  const connection = await NativeConnection.connect(toConnectionOptions(options.connectionConfig));
  try {
    const worker = await Worker.create({
      ...options.workerOptions,
      connection,
      namespace: options.connectionConfig.namespace,
      taskQueue: options.taskQueue ?? options.connectionConfig.taskQueue,
      workflowBundle,
      activities: options.activities,
      // Payloads are encrypted before they leave the worker (codec/); the same keys as every client.
      dataConverter: options.workerOptions?.dataConverter ?? campaignDataConverter(),
    });
    const shutdown = (): void => {
      // shutdown() throws outside RUNNING; a signal that races a finishing worker is harmless.
      if (worker.getState() === 'RUNNING') worker.shutdown();
    };
    options.signal?.addEventListener('abort', shutdown, { once: true });
    try {
      // run() flips the state to RUNNING synchronously, so an already-aborted signal stops it at once.
      const running = worker.run();
      if (options.signal?.aborted) shutdown();
      await running;
    } finally {
      options.signal?.removeEventListener('abort', shutdown);
    }
  } finally {
    await connection.close();
  }
}
