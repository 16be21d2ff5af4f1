import { defaultDevServerDbFile } from './cache-paths';
import { findDevServerBinary, type DevServerBinary } from './dev-server-binary';
import { startDevServer, type DevServerOptions, type RunningDevServer } from './dev-server';
import { isPortOpen } from './free-port';
import { isServerReachable } from './server-reachable';
import { findTestServer, type TestServerExecutable } from './test-server-launcher';

export { isServerReachable } from './server-reachable';
export { freePort } from './free-port';
export type { RunningDevServer } from './dev-server';
export type { DevServerBinary } from './dev-server-binary';
export type { TestServerExecutable } from './test-server-launcher';

export interface EnsureDevServerOptions extends DevServerOptions {
  /** Use the server that answers here instead of starting one (typically `$TEMPORAL_ADDRESS`). */
  existingAddress?: string;
}

export type EnsuredDevServer = RunningDevServer & { started: boolean };

/**
 * Returns a dev server to talk to: the one at `existingAddress` when it answers, otherwise a fresh
 * `temporal server start-dev` child (provisioning the CLI first if needed).
 */
export async function ensureDevServer(options: EnsureDevServerOptions = {}): Promise<EnsuredDevServer> {
  const { existingAddress, ...devOptions } = options;
  if (existingAddress && (await isServerReachable(existingAddress, devOptions.namespace))) {
    return { address: existingAddress, uiUrl: undefined, process: undefined, stop: async () => {}, started: false };
  }
  if (existingAddress) {
    process.stderr.write(`No Temporal server answers at ${existingAddress}; starting a local dev server instead.\n`);
  }
  const binary = devOptions.binary ?? (await findDevServerBinary());
  return { ...(await startDevServer({ ...devOptions, binary })), started: true };
}

export interface ServerCommandOptions {
  port?: number;
  uiPort?: number;
  dbFile?: string;
  headless?: boolean;
}

/**
 * The foreground `campaign server` command: a dev server that keeps its data in a SQLite file
 * (so workflows survive restarts), runs until SIGINT/SIGTERM, then stops the child before returning.
 */
export async function runServerCommand(options: ServerCommandOptions = {}): Promise<void> {
  const port = options.port ?? 7233;
  const uiPort = options.uiPort ?? port + 1000;
  const dbFile = options.dbFile ?? defaultDevServerDbFile();
  if (await isPortOpen('127.0.0.1', port)) {
    throw new Error(`Port ${port} is already in use (another Temporal server?); stop it or pass a different --port.`);
  }
  const binary = await findDevServerBinary();
  const server = await startDevServer({ binary, port, uiPort, dbFile, headless: options.headless, log: 'inherit' });
  console.log(`Temporal dev server is running.`);
  console.log(`  gRPC address: ${server.address}   (TEMPORAL_ADDRESS=${server.address})`);
  if (server.uiUrl) console.log(`  Web UI:       ${server.uiUrl}`);
  console.log(`  Data file:    ${dbFile}`);
  console.log('Press Ctrl+C to stop.');

  const signal = await new Promise<NodeJS.Signals | 'server-exit'>((resolve) => {
    const onSignal = (received: NodeJS.Signals): void => resolve(received);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    server.process?.once('exit', () => resolve('server-exit'));
  });
  if (signal === 'server-exit') {
    throw new Error(`The Temporal dev server stopped unexpectedly (exit code ${String(server.process?.exitCode)}).`);
  }
  console.log(`Received ${signal}; stopping the Temporal dev server...`);
  await server.stop();
  console.log('Stopped. Data is kept in ' + dbFile);
}

export interface ProvisionSummary {
  devServer: DevServerBinary;
  testServer: TestServerExecutable;
}

function describe(found: DevServerBinary | TestServerExecutable): string {
  return found.kind === 'sdk-download' ? 'the SDK will download it on first use' : `${found.path} (${found.source})`;
}

/**
 * Makes sure both servers can start without network access later: builds or fetches what is
 * missing, printing progress. Used by `.ci/run` and `campaign provision`.
 */
export async function provisionAll(env: NodeJS.ProcessEnv = process.env): Promise<ProvisionSummary> {
  console.log('Provisioning the Temporal CLI (dev server)...');
  const devServer = await findDevServerBinary({ env });
  console.log(`  dev server: ${describe(devServer)}`);
  console.log('Provisioning the time-skipping test server...');
  const testServer = await findTestServer({ env });
  console.log(`  test server: ${describe(testServer)}`);
  return { devServer, testServer };
}
