import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { projectDataDir } from '../../../server/cache-paths';
import { startDevServer, type RunningDevServer } from '../../../server/dev-server';
import type { DevServerBinary } from '../../../server/dev-server-binary';
import { freePort } from '../../../server/free-port';
import { sdkDownload } from '../../../server/sdk-download';
import { uniqueId } from '../../helpers/temporal';

export interface KillableServer {
  readonly address: string;
  /**
   * `kill -9` of the server process, then a new one on the same port and SQLite file. Unlike
   * restartableDevServer's graceful stop, nothing gets to flush or say goodbye to its clients.
   */
  crashAndRestart(): Promise<void>;
  dispose(): Promise<void>;
}

/** A private dev server on its own SQLite file (the shared one must never be killed). */
export async function killableDevServer(): Promise<KillableServer> {
  const cliPath = inject('temporalCliPath');
  const binary: DevServerBinary = cliPath !== '' ? { kind: 'binary', path: cliPath, source: 'env' } : sdkDownload;
  const dir = path.join(projectDataDir(), 'test');
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, `${uniqueId('killable')}.sqlite`);
  const options = { binary, dbFile, port: await freePort(), headless: true, log: { file: `${dbFile}.log` } };
  let current: RunningDevServer = await startDevServer(options);
  return {
    address: current.address,
    async crashAndRestart() {
      const child = current.process;
      if (child === undefined) {
        // The SDK-downloaded server gives no process to kill; a stop is the closest we get.
        await current.stop();
      } else {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
        await current.stop(); // forgets its exit hook; the process is already gone
      }
      current = await startDevServer(options);
    },
    async dispose() {
      await current.stop();
      for (const suffix of ['', '-wal', '-shm', '-journal', '.log']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
    },
  };
}
