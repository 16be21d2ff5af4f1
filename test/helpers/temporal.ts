/**
 * Helpers for workflow tests against real Temporal servers.
 *
 * - `testClient()` / `withWorker()` use the one dev server that test/global-setup.ts starts for the
 *   run. Each `withWorker` call gets a unique task queue, so parallel files never steal each
 *   other's tasks; workflow ids must be unique too (use `uniqueId()`).
 * - `createTimeSkippingEnv()` starts a private Java test server (about 1 s). Use it only for
 *   timers measured in days; everything else belongs on the dev server, which is the real server.
 *
 * Time-skipping gaps (measured here with test server 1.38.0 and @temporalio/testing 1.24):
 * - The server starts with time skipping LOCKED. Only `handle.result()` / `client.workflow.execute()`
 *   on `env.client` unlock it while they wait, and `env.sleep(d)` skips exactly `d`.
 * - Waiting on an update (`executeUpdate`, `startUpdate(...).result()`), a query, or a signal does
 *   NOT skip time: an update handler that sleeps a day really waits a day. Drive such tests with
 *   `env.sleep()` after starting the update (test/plumbing/time-skipping.test.ts), or keep a
 *   `handle.result()` pending in the background, which unlocks skipping while it waits.
 * - `env.sleep()` can hang when the workflow was started with `execute` and has started child
 *   workflows (sdk-typescript#1101, sdk-java#2392, still open): start with `start`, then sleep.
 *   After a test that ran child workflows, later sleeps on the same env may run in real time
 *   (sdk-java#2642), so give such tests their own environment.
 * - Skipping is global to one environment, so tests sharing an env must not run concurrently.
 */
import { campaignDataConverter } from '../../codec/data-converter';
import { type Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { projectDataDir } from '../../server/cache-paths';
import { startDevServer, type RunningDevServer } from '../../server/dev-server';
import type { DevServerBinary } from '../../server/dev-server-binary';
import { freePort } from '../../server/free-port';
import { sdkDownload } from '../../server/sdk-download';
import { bundleWorkflowsOnce } from '../../worker/run-worker';
import { campaignClient } from '../../temporal-client/campaign-client';
import { unitTaskQueueOf } from '../../contracts';

// Worker state changes at INFO would bury test output; warnings and errors still show. Each test
// file runs in its own process, so this is the first Runtime use unless a test installed its own.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by the test file: its choice wins.
}

export function uniqueId(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

const clients = new Map<string, Promise<Client>>();
const nativeConnections = new Map<string, Promise<NativeConnection>>();

// Open connections would keep the test process alive (and its gRPC streams busy) after the file ends.
afterAll(async () => {
  const closing = [...clients.values()].map(async (client) => (await client).connection.close());
  closing.push(...[...nativeConnections.values()].map(async (connection) => (await connection).close()));
  clients.clear();
  nativeConnections.clear();
  await Promise.allSettled(closing);
});

export function temporalAddress(): string {
  return inject('temporalAddress');
}

/** A Client for the shared dev server (or `address`), one per address per test file. */
export function testClient(address = temporalAddress()): Promise<Client> {
  let client = clients.get(address);
  if (client === undefined) {
    client = Connection.connect({ address }).then((connection) => campaignClient({ connection }));
    clients.set(address, client);
  }
  return client;
}

function workerConnection(address: string): Promise<NativeConnection> {
  let connection = nativeConnections.get(address);
  if (connection === undefined) {
    connection = NativeConnection.connect({ address });
    nativeConnections.set(address, connection);
  }
  return connection;
}

export interface WithWorkerOptions {
  workflowsPath: string;
  activities?: WorkerOptions['activities'];
  /** A fresh unique queue when omitted. */
  taskQueue?: string;
  /** Another server than the shared one (a restartable server, say). */
  address?: string;
  /**
   * As `campaign worker` runs: a second Worker on the units' queue (`unitTaskQueueOf`), so a
   * campaign's tasks and activities never queue behind its units'. Start the campaign with
   * `unitTaskQueue: unitTaskQueueOf(taskQueue)` to use it.
   */
  unitQueue?: boolean;
}

export interface WorkerContext {
  client: Client;
  taskQueue: string;
}

/**
 * Runs `fn` while a Worker polls a task queue of its own, then shuts the Worker down. The workflow
 * bundle is built once per test file and workflows path, and shared by every call.
 */
export async function withWorker<T>(
  options: WithWorkerOptions,
  fn: (context: WorkerContext) => Promise<T>,
): Promise<T> {
  const address = options.address ?? temporalAddress();
  const taskQueue = options.taskQueue ?? uniqueId('queue');
  const [workflowBundle, connection, client] = await Promise.all([
    bundleWorkflowsOnce(options.workflowsPath),
    workerConnection(address),
    testClient(address),
  ]);
  const create = (queue: string) =>
    Worker.create({
      connection,
      taskQueue: queue,
      workflowBundle,
      activities: options.activities,
      dataConverter: campaignDataConverter(),
    });
  const worker = await create(taskQueue);
  if (!options.unitQueue) return worker.runUntil(() => fn({ client, taskQueue }));
  const units = await create(unitTaskQueueOf(taskQueue));
  return worker.runUntil(() => units.runUntil(() => fn({ client, taskQueue })));
}

/** A time-skipping environment on the provisioned test server; call `teardown()` when done. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const problem = inject('testServerError');
  if (problem !== '') throw new Error(problem);
  const testServerPath = inject('testServerPath');
  const create = (): Promise<TestWorkflowEnvironment> =>
    testServerPath === ''
      ? TestWorkflowEnvironment.createTimeSkipping({ client: { dataConverter: campaignDataConverter() } })
      : TestWorkflowEnvironment.createTimeSkipping({
          server: { executable: { type: 'existing-path', path: testServerPath } },
          client: { dataConverter: campaignDataConverter() },
        });
  // sdk-core gives the server 5 s to listen. The JVM needs about 1 s, but on two busy cores (parallel
  // files bundling workflows) a start can miss that window; one more attempt absorbs it.
  return create().catch(create);
}

export interface RestartableDevServer {
  readonly address: string;
  /** Stops the server process and starts a new one on the same ports and SQLite file. */
  restart(): Promise<void>;
  /** Stops it for good and deletes its database. */
  dispose(): Promise<void>;
}

/** A private dev server (not the shared one) that a test may kill and start again. */
export async function restartableDevServer(): Promise<RestartableDevServer> {
  const cliPath = inject('temporalCliPath');
  const binary: DevServerBinary = cliPath !== '' ? { kind: 'binary', path: cliPath, source: 'env' } : sdkDownload;
  const dir = path.join(projectDataDir(), 'test');
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, `${uniqueId('restart')}.sqlite`);
  // Fixed ports across restarts, as a real deployment has: clients keep their address.
  const options = { binary, dbFile, port: await freePort(), headless: true, log: { file: `${dbFile}.log` } };
  let current: RunningDevServer = await startDevServer(options);
  return {
    address: current.address,
    async restart() {
      await current.stop();
      current = await startDevServer(options);
    },
    async dispose() {
      await current.stop();
      for (const suffix of ['', '-wal', '-shm', '-journal', '.log']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
    },
  };
}
