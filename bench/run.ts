import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { campaignDataConverter } from '../codec/data-converter';
import { startDevServer } from '../server/dev-server';
import { BenchArgsError, HELP, parseBenchArgs } from './args';
import { runBaseline } from './baseline';
import type { SizeResult } from './figures';
import { runOurs, type RunContext } from './ours';
import { machine, resultTable } from './report';

/**
 * `npm run bench`: each size runs our campaign and then the baseline on one fresh dev server (in
 * memory, so runs never meet old data), each with its worker in a process of its own.
 */
async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  // One key for this run, shared with the worker processes through the environment they inherit.
  process.env['CAMPAIGN_CODEC_KEYS'] ??= `bench:${randomBytes(32).toString('base64')}`;
  log('starting a dev server (in memory)...');
  const server = await startDevServer({ headless: true, log: 'ignore' });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection, dataConverter: campaignDataConverter() });
  const ctx: RunContext = {
    client,
    address: server.address,
    serverPid: server.process?.pid,
    concurrency: args.concurrency,
    cases: args.cases,
    log,
  };
  const results: SizeResult[] = [];
  try {
    for (const units of args.sizes) {
      log(`${units} units: our campaign...`);
      const ours = await runOurs(units, ctx);
      log(`${units} units: baseline with ${ours.submissions} updates...`);
      const baseline = await runBaseline(units, ours.submissions, ctx);
      results.push({
        units,
        ours,
        baseline,
        throughputRatio: ours.submissionsPerSecond / baseline.submissionsPerSecond,
        p95Ratio: ours.submitMs.p95 / baseline.submitMs.p95,
      });
    }
  } finally {
    await connection.close();
    await server.stop();
  }
  const output = { machine: machine('Temporal CLI 1.5.1 dev server (Server 1.29)'), args, results };
  fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
  fs.writeFileSync(args.out, `${JSON.stringify(output, null, 2)}\n`);
  process.stdout.write(`${resultTable(results)}\n\nmachine: ${JSON.stringify(output.machine)}\nresults: ${args.out}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof BenchArgsError) {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
