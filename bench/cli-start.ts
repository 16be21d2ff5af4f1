import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const BIN = path.resolve(__dirname, '../bin/campaign.js');
const RUNS = 10;

export interface CliStartFigures {
  runs: number;
  /** Wall time of `campaign --help`, ms: every run, and their median. */
  helpMs: number[];
  helpMedianMs: number;
  /** Wall time of `campaign glance ID` against the bench's server, ms. */
  glanceMs: number[];
  glanceMedianMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One run of the CLI as a clerk starts it: a fresh `node` process, wall time to its exit. */
function timedRun(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [BIN, ...args], { env, stdio: 'pipe', encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`campaign ${args.join(' ')} exited ${run.status}: ${run.stderr.trim()}`);
  return ms;
}

/**
 * What a clerk or a leader waits for on every call: the CLI's start, for the smallest command and
 * for one that asks the server. One untimed run of each first, so the compiled CLI is on disk and in
 * the page cache as it is for anyone who used it before; runs one at a time, nothing else driving.
 */
export function measureCliStart(address: string, campaignId: string): CliStartFigures {
  const env = { ...process.env, TEMPORAL_ADDRESS: address, NO_COLOR: '1' };
  const help = ['--help'];
  const glance = ['glance', campaignId, '--json'];
  timedRun(help, env);
  timedRun(glance, env);
  const helpMs = Array.from({ length: RUNS }, () => timedRun(help, env));
  const glanceMs = Array.from({ length: RUNS }, () => timedRun(glance, env));
  return { runs: RUNS, helpMs, helpMedianMs: median(helpMs), glanceMs, glanceMedianMs: median(glanceMs) };
}
