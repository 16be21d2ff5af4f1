import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchArgsError, HELP, parseBenchArgs, type BenchArgs } from './args';
import { measureCliStart, type CliStartFigures } from './cli-start';
import { runBaseline } from './baseline';
import { runBigLedger, type LedgerFigures } from './big-ledger';
import type { ArrivalsResult, OursFigures, RunFigures, SizeResult } from './figures';
import { machine } from './machine';
import { runOurs } from './ours';
import { arrivalsText, cliStartText, ledgerText, resultText } from './report';
import type { RunContext } from './run-context';
import { startBenchServer } from './server';

const PHASES = 4;
const DELIVERABLES_PER_PHASE = 2;

/** The run of median throughput (the lower middle one of an even count). */
function medianRun<Run extends RunFigures>(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.submissionsPerSecond - b.submissionsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** What every run on this server shares: the server, the load generator's settings, where files go. */
function runContext(
  server: Awaited<ReturnType<typeof startBenchServer>>,
  args: BenchArgs,
  workDir: string,
  log: (line: string) => void,
): Omit<RunContext, 'taskQueue'> {
  return {
    client: server.client,
    address: server.address,
    serverPid: server.pid,
    concurrency: args.concurrency,
    cases: args.cases,
    summaryTimeoutMs: args.summaryTimeout * 60_000,
    workDir,
    log,
  };
}

/**
 * One size: a fresh dev server, the baseline on it first (it leaves little behind), run
 * `--baseline-runs` times, then our campaign `--ours-runs` times; each with its worker in a
 * process of its own.
 */
async function runSize(
  units: number,
  args: BenchArgs,
  workDir: string,
  log: (line: string) => void,
  timeCliStart: boolean,
) {
  const server = await startBenchServer();
  try {
    const ctx = runContext(server, args, workDir, log);
    const runs: RunFigures[] = [];
    for (let run = 1; run <= args.baselineRuns; run++) {
      log(
        `${units} units: baseline ${run}/${args.baselineRuns} (${PHASES} bursts of ${units * DELIVERABLES_PER_PHASE} updates)...`,
      );
      runs.push(await runBaseline(units, PHASES, DELIVERABLES_PER_PHASE, ctx));
      log(`${units} units: baseline ${run}/${args.baselineRuns} ${runs.at(-1)!.submissionsPerSecond.toFixed(1)}/s`);
    }
    const baseline = medianRun(runs);
    const oursRuns: OursFigures[] = [];
    for (let run = 1; run <= args.oursRuns; run++) {
      log(`${units} units: our campaign ${run}/${args.oursRuns}...`);
      oursRuns.push(await runOurs(units, ctx));
      log(`${units} units: our campaign ${run}/${args.oursRuns} ${oursRuns.at(-1)!.submissionsPerSecond.toFixed(1)}/s`);
    }
    const ours = medianRun(oursRuns);
    const campaignId = ours.campaignId;
    let cliStart: CliStartFigures | undefined;
    if (timeCliStart) {
      log(`CLI start: --help and glance, ${units} units' campaign...`);
      cliStart = measureCliStart(server.address, campaignId);
    }
    const result: SizeResult = {
      units,
      ours,
      baseline,
      baselineRuns: runs.map((r) => r.submissionsPerSecond),
      oursRuns: oursRuns.map((r) => r.submissionsPerSecond),
      throughputRatio: ours.submissionsPerSecond / baseline.submissionsPerSecond,
      p95Ratio: ours.submitMs.p95 / baseline.submitMs.p95,
    };
    return { result, version: server.version, cliStart };
  } finally {
    await server.stop();
  }
}

/** One unit with the most cases it may keep, on a fresh server of its own: nothing else runs meanwhile. */
async function runLedger(cases: number, args: BenchArgs, workDir: string, log: (line: string) => void) {
  const server = await startBenchServer();
  try {
    const ctx = { client: server.client, address: server.address, serverPid: server.pid, workDir, log };
    return await runBigLedger(cases, { ...ctx, concurrency: args.concurrency, cases: 0, summaryTimeoutMs: 0 });
  } finally {
    await server.stop();
  }
}

/**
 * The real-arrivals row: our campaign at `units`, its load spread over each round, once with the
 * worker's cache uncapped and once capped, on a fresh server of its own.
 */
async function runArrivals(units: number, args: BenchArgs, workDir: string, log: (line: string) => void) {
  const server = await startBenchServer();
  try {
    const ctx = runContext(server, args, workDir, log);
    const load = { kind: 'spread', windowSeconds: args.arrivals } as const;
    log(`${units} units, arrivals over ${args.arrivals} s a round: the cache uncapped...`);
    const uncapped = await runOurs(units, ctx, { load });
    log(`${units} units, arrivals over ${args.arrivals} s a round: the cache capped at ${args.cache}...`);
    const capped = await runOurs(units, ctx, { load, maxCachedWorkflows: args.cache });
    return { units, windowSeconds: args.arrivals, cache: args.cache, uncapped, capped } satisfies ArrivalsResult;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const log = (line: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  // One key for this run, shared with the workers through the environment they inherit.
  process.env['CAMPAIGN_CODEC_KEYS'] = `bench:${randomBytes(32).toString('base64')}`;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-bench-'));
  const facts = machine('unknown');
  const results: SizeResult[] = [];
  let ledger: LedgerFigures | undefined;
  let arrivals: ArrivalsResult | undefined;
  let cliStart: CliStartFigures | undefined;
  let version = 'unknown';
  log(`sizes ${args.sizes.join(', ')}; workers' logs and outboxes in ${workDir}`);
  const write = () => {
    const output = {
      machine: { ...facts, temporal: version },
      settings: {
        ...args,
        workerMaxCachedWorkflows: process.env['CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS'] ?? 'SDK default',
      },
      results,
      arrivals,
      cliStart,
      ledger,
    };
    fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
    fs.writeFileSync(args.out, `${JSON.stringify(output, null, 2)}\n`);
    return output;
  };
  for (const units of args.rowsOnly ? [] : args.sizes) {
    const size = await runSize(units, args, workDir, log, cliStart === undefined);
    results.push(size.result);
    cliStart ??= size.cliStart;
    version = size.version;
    // Written after every size, so a long run that fails later keeps what it measured.
    write();
  }
  if (args.arrivals > 0) {
    arrivals = await runArrivals(Math.max(...args.sizes), args, workDir, log);
    write();
  }
  if (args.ledger > 0) {
    ledger = await runLedger(args.ledger, args, workDir, log);
    write();
  }
  const output = write();
  // BENCH_KEEP=1 keeps the workers' logs and outboxes of a run that succeeded too.
  if (process.env['BENCH_KEEP'] === '1') log(`kept ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
  const ledgerLines = ledger ? `\n\n${ledgerText(ledger)}` : '';
  const cliLines = cliStart ? `\n\n${cliStartText(cliStart)}` : '';
  const arrivalLines = arrivals ? `\n\n${arrivalsText(arrivals)}` : '';
  process.stdout.write(
    `${results.length > 0 ? resultText(results) : '(sizes skipped: --rows-only)'}${arrivalLines}${cliLines}${ledgerLines}\n\nmachine: ${JSON.stringify(output.machine)}\nresults: ${args.out}\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof BenchArgsError) {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
