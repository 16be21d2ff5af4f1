import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../server/free-port';

const run = promisify(execFile);

/**
 * A real PostgreSQL for one test file: `initdb` into a temporary folder, `pg_ctl` on a free port,
 * connections on loopback only, trust authentication. PostgreSQL refuses to run as root, so under
 * root (CI containers) the cluster belongs to the `postgres` system user.
 */
export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  /** `pg_ctl stop -m fast`: clients are cut off at once, as in an outage. */
  stop(): Promise<void>;
  /** Starts the same cluster again on the same port; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error('running as root, and there is no postgres user to run PostgreSQL as (install postgresql)');
  }
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const user = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-pg-'));
  if (user !== undefined) fs.chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const exec = (file: string, args: string[]) => run(file, args, { ...user, cwd: dir, timeout: 60_000 });
  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (is PostgreSQL installed? .ci/run installs it): ${String(error)}`, {
      cause: error,
    });
  }
  // fsync off: a throwaway cluster; an outage here is a stop and start, never a power cut.
  const serverArgs = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const start = async () => {
    await exec('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', serverArgs, '-w', '-t', '60', 'start']);
  };
  const stop = async () => {
    await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  };
  await start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await stop();
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async dispose() {
      if (running) await stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
