import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../config/project-root';
import { freePort } from '../../server/free-port';

/**
 * What a county's operator does with a release: `npm pack` in a clone (its `prepack` builds the
 * CLI and the workflow bundle), install the tarball into a prefix of its own, and run `campaign demo`
 * from some other folder. Nothing of the clone is used after the pack: the installed copy finds its
 * own prebuilt bundle, starts its own dev server, and keeps its data in the user's data folder.
 * About a minute and a half: the install (from npm's cache) and a demo at half a second per plan day.
 */

const run = promisify(execFile);
let scratch: string;
let installedRoot: string;
let campaignBin: string;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-package-'));
  // prepack's build prints to the same stdout as `npm pack --json`: the tarball is the one file made.
  await run('npm', ['pack', '--pack-destination', scratch], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
  const tarball = fs.readdirSync(scratch).find((file) => file.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball to ${scratch}`);
  const prefix = path.join(scratch, 'prefix');
  await run(
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      path.join(scratch, tarball),
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
    ],
    { cwd: scratch, maxBuffer: 64 * 1024 * 1024 },
  );
  installedRoot = path.join(prefix, 'lib', 'node_modules', 'campaign-orchestrator');
  campaignBin = path.join(prefix, 'bin', 'campaign');
}, 300_000);

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('the packed and installed campaign', () => {
  it('carries the runtime and what it needs, not the tests, the benchmark or CI', () => {
    const top = fs.readdirSync(installedRoot);
    expect(top).toEqual(expect.arrayContaining(['bin', 'client', 'workflows', 'examples', 'dist']));
    for (const absent of ['test', 'bench', '.ci', 'scripts', '.data']) expect(top, absent).not.toContain(absent);
  });

  it('finds its prebuilt workflow bundle, and can bundle its own sources under node_modules', async () => {
    const check = await run(
      process.execPath,
      [
        path.join(installedRoot, 'bin', 'run-ts.js'),
        path.join(projectRoot, 'test', 'fixtures', 'installed-bundle-check.ts'),
        installedRoot,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const result = JSON.parse(check.stdout) as { workflowsPath: string; prebuilt: string | null; bundledBytes: number };
    expect(result.workflowsPath.startsWith(installedRoot)).toBe(true);
    expect(result.prebuilt?.startsWith(path.join(installedRoot, 'dist', 'workflow-bundles'))).toBe(true);
    expect(result.bundledBytes).toBeGreaterThan(100_000);
  }, 120_000);

  it('runs `campaign demo` from another folder to the end, its leader returning and approving', async () => {
    const elsewhere = fs.mkdtempSync(path.join(scratch, 'office-'));
    const dataHome = path.join(scratch, 'data-home');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'] ?? os.homedir(),
      XDG_DATA_HOME: dataHome,
      // Nothing answers here, so the demo starts a dev server of its own, as on a new machine.
      TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
      CAMPAIGN_SERVICE_PORT: String(await freePort()),
    };
    for (const name of ['CAMPAIGN_CACHE_DIR', 'XDG_CACHE_HOME', 'CAMPAIGN_CODEC_KEYS'])
      if (process.env[name] !== undefined) env[name] = process.env[name];
    const demo = await run(campaignBin, ['demo', '--day-seconds', '0.5'], {
      cwd: elsewhere,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(demo.stdout).toContain('The campaign is complete.');
    expect(demo.stdout).toMatch(/leader returned 排查建档 to \S+: 台帐缺少包案领导/);
    expect(demo.stdout).toMatch(/leader 张志刚 approved 总结验收/);
    expect(demo.stdout).not.toContain('refused');
    // The log reads in plan-time order, though the simulated units act in parallel.
    const stamps = demo.stdout.match(/^\d{4}-\d\d-\d\d \d\d:\d\d(?= {2})/gm) ?? [];
    expect(stamps.length).toBeGreaterThan(50);
    expect(stamps).toEqual([...stamps].sort());
    const data = path.join(dataHome, 'campaign-orchestrator');
    const reports = fs.readdirSync(path.join(data, 'demo')).filter((f) => f.endsWith('-report.md'));
    expect(reports).toHaveLength(1);
    expect(fs.readdirSync(path.join(data, 'outbox'), { recursive: true }).some((f) => String(f).endsWith('.eml'))).toBe(
      true,
    );
    // Nothing written beside the installed sources or in the folder it was run from.
    expect(fs.existsSync(path.join(installedRoot, '.data'))).toBe(false);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  }, 400_000);
});
