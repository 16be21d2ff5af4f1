import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '../..');

/** The packages `campaign ARGS` loads, as the installed CLI runs (compiled, see bin/compiled-cli.js). */
async function packagesLoadedBy(args: string[]): Promise<string[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'start-up-')), 'loaded.txt');
  await promisify(execFile)(
    process.execPath,
    ['--require', path.join(ROOT, 'test/fixtures/require-trace.cjs'), path.join(ROOT, 'bin/campaign.js'), ...args],
    { env: { ...process.env, REQUIRE_TRACE_FILE: file }, cwd: ROOT },
  );
  return fs.readFileSync(file, 'utf8').split('\n');
}

// Each of these costs a small command a tenth of a second or more at start (#26: `--help` within 0.4 s).
const LOADED_ON_USE = [
  '@temporalio/client',
  '@temporalio/proto',
  '@temporalio/activity',
  '@temporalio/worker',
  'pg',
  'exceljs',
  'fastify',
];

describe('what a small command loads at start', () => {
  it('--help and validate load neither the Temporal client, its protobufs, the worker, the database driver nor exceljs', async () => {
    for (const args of [['--help'], ['validate', 'examples/county-petition-campaign.yaml']]) {
      const loaded = await packagesLoadedBy(args);
      expect(loaded).toContain('commander');
      expect(
        loaded.filter((name) => LOADED_ON_USE.some((heavy) => name === heavy || name.startsWith(`${heavy}/`))),
      ).toEqual([]);
    }
  });
});
