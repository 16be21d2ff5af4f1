import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findDevServerBinary, type DevServerBinary } from './dev-server-binary';
import { freePort } from './free-port';
import { waitForServer } from './server-reachable';
import { searchAttributeFlags } from '../contracts/search-attributes';

export interface DevServerOptions {
  /** Found with {@link findDevServerBinary} when omitted. */
  binary?: DevServerBinary;
  /** SQLite file that keeps workflows across restarts; in-memory when omitted. */
  dbFile?: string;
  /** gRPC port; a free one when omitted. */
  port?: number;
  /** Web UI port; a free one when omitted (ignored when headless). */
  uiPort?: number;
  namespace?: string;
  headless?: boolean;
  ip?: string;
  /** Where the server's own output goes; `ignore` still keeps the tail for error messages. */
  log?: 'inherit' | 'ignore' | { file: string };
  readyTimeoutMs?: number;
  /** Extra `start-dev` flags, e.g. `['--dynamic-config-value', 'limit.x=1']`. */
  extraArgs?: string[];
}

export interface RunningDevServer {
  /** `host:port` of the gRPC frontend. */
  address: string;
  uiUrl: string | undefined;
  /** The `temporal` process; undefined when the SDK runs the server (download fallback). */
  process: ChildProcess | undefined;
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function startWithSdk(
  options: DevServerOptions,
  port: number,
  uiPort: number | undefined,
): Promise<RunningDevServer> {
  // Loaded lazily: @temporalio/testing pulls in the native bridge, which `campaign server` rarely needs.
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      port,
      ip: options.ip ?? '127.0.0.1',
      namespace: options.namespace ?? 'default',
      ...(options.dbFile !== undefined ? { dbFilename: options.dbFile } : {}),
      ...(uiPort !== undefined ? { ui: true, uiPort } : { ui: false }),
      extraArgs: [...searchAttributeFlags(), ...(options.extraArgs ?? [])],
    },
  });
  return {
    address: env.address,
    uiUrl: uiPort !== undefined ? `http://${options.ip ?? '127.0.0.1'}:${uiPort}` : undefined,
    process: undefined,
    stop: () => env.teardown(),
  };
}

/**
 * Starts `temporal server start-dev` and resolves once its frontend serves the namespace. The
 * server runs as our child: `stop()` (or this process exiting) terminates it.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<RunningDevServer> {
  const binary = options.binary ?? (await findDevServerBinary());
  const ip = options.ip ?? '127.0.0.1';
  const namespace = options.namespace ?? 'default';
  const port = options.port ?? (await freePort(ip));
  const uiPort = options.headless ? undefined : (options.uiPort ?? (await freePort(ip)));
  if (options.dbFile !== undefined) fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });
  if (binary.kind === 'sdk-download') return startWithSdk(options, port, uiPort);

  const args = [
    'server',
    'start-dev',
    '--ip',
    ip,
    '--port',
    String(port),
    '--namespace',
    namespace,
    '--log-level',
    'warn',
  ];
  args.push(...(uiPort !== undefined ? ['--ui-port', String(uiPort)] : ['--headless']));
  if (options.dbFile !== undefined) args.push('--db-filename', options.dbFile);
  // The campaign's search attributes, registered as the server starts (contracts/search-attributes.ts).
  args.push(...searchAttributeFlags(), ...(options.extraArgs ?? []));

  const log = options.log ?? 'ignore';
  const logFd = typeof log === 'object' ? fs.openSync(log.file, 'a') : undefined;
  const output = logFd ?? (log === 'inherit' ? 'inherit' : 'pipe');
  const child = spawn(binary.path, args, { stdio: ['ignore', output, output] });
  if (logFd !== undefined) fs.closeSync(logFd); // the child holds its own copy
  let tail = '';
  const keepTail = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-2000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  // A crashed test runner must not leave a server holding the port and the SQLite file.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const address = `${ip}:${port}`;
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, STOP_GRACE_MS))) {
      child.kill('SIGKILL');
      await waitForExit(child, STOP_GRACE_MS);
    }
  };
  const where = typeof log === 'object' ? ` (log: ${log.file})` : '';
  try {
    await waitForServer({
      address,
      namespace,
      timeoutMs: options.readyTimeoutMs ?? 60_000,
      gaveUp: () => {
        if (spawnError) return `Could not run ${binary.path}: ${spawnError.message}`;
        if (child.exitCode === null && child.signalCode === null) return undefined;
        return `The Temporal dev server exited during start-up (${child.signalCode ?? `code ${String(child.exitCode)}`})${where}: ${tail.trim()}`;
      },
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, uiUrl: uiPort !== undefined ? `http://${ip}:${uiPort}` : undefined, process: child, stop };
}
