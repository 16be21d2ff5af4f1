import { execFileSync } from 'node:child_process';
import { type Client, Connection } from '@temporalio/client';
import { findDevServerBinary } from '../server/dev-server-binary';
import { startDevServer } from '../server/dev-server';
import { campaignClient } from '../temporal-client/campaign-client';

/** A dev server of the benchmark's own, and a client that speaks the campaign's codec. */
export interface BenchServer {
  address: string;
  pid: number | undefined;
  client: Client;
  /** E.g. "temporal version 1.5.1 (Server 1.29.1, UI 2.42.1)", or the server's own answer. */
  version: string;
  stop(): Promise<void>;
}

/**
 * A fresh dev server on a free port with its database in memory, so a run neither meets old
 * workflows nor leaves any in the user's `.data`, and each size starts from the same empty server.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const binary = await findDevServerBinary();
  const server = await startDevServer({ binary, headless: true, log: 'ignore' });
  const connection = await Connection.connect({ address: server.address });
  const client = campaignClient({ connection });
  const info = await client.workflowService.getSystemInfo({});
  let version = `Temporal Server ${info.serverVersion}`;
  if (binary.kind === 'binary') {
    try {
      version = execFileSync(binary.path, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      // the server's own answer will do
    }
  }
  return {
    address: server.address,
    pid: server.process?.pid,
    client,
    version,
    stop: async () => {
      await connection.close();
      await server.stop();
    },
  };
}
