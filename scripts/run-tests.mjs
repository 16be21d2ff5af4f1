#!/usr/bin/env node
/**
 * `npm test`. With no arguments: two test runs at once, each with its own dev server: the pure and
 * server tests in one, the long ones (faults injected, a 200-unit campaign: the `long` project of
 * vitest.config.mts) in the other. Those spend most of their minutes waiting on outages, timeouts and
 * back-off, so on two cores they fit beside the rest instead of after it. Either failing fails the
 * command. With arguments (a file, a filter, `--project`), it is plain `vitest run ARGS`.
 */
/* global process */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const vitest = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');

function run(args) {
  const child = spawn(process.execPath, [vitest, 'run', ...args], { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const args = process.argv.slice(2);
const codes =
  args.length > 0
    ? [await run(args)]
    : await Promise.all([run(['--project', 'pure', '--project', 'temporal']), run(['--project', 'long'])]);
process.exitCode = codes.find((code) => code !== 0) ?? 0;
