import type { Client } from '@temporalio/client';

/** What every run at every size shares: the server, the load generator's settings, where files go. */
export interface RunContext {
  client: Client;
  address: string;
  serverPid: number | undefined;
  taskQueue: string;
  /** Updates in flight at once from the load generator. */
  concurrency: number;
  /** Cases each unit files. */
  cases: number;
  /** How long to wait for the campaign's summary after the final approval. */
  summaryTimeoutMs: number;
  /** A temporary directory for the workers' data and logs. */
  workDir: string;
  log: (line: string) => void;
}
