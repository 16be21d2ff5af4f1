import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { campaign, cliEnv, writePlan } from './support/cli';

const env = cliEnv();
afterAll(() => fs.rmSync(env.dataDir, { recursive: true, force: true }));

function badPlan(): string {
  const file = path.join(env.dataDir, 'bad.yaml');
  const good = fs.readFileSync(writePlan(env.dataDir, 'base'), 'utf8');
  fs.writeFileSync(
    file,
    good.replace('email: town-a@example.org', 'email: not-an-address').replace('end: 2026-04-13', 'end: 2026-04-10'),
  );
  return file;
}

describe('checking a plan', () => {
  it('accepts a valid plan and exits 0', async () => {
    const result = await campaign(env, ['validate', writePlan(env.dataDir, 'good')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('is a valid plan');
  });

  it('lists every issue with its place and exits 1', async () => {
    const result = await campaign(env, ['validate', badPlan()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error +.*bad\.yaml:\d+:\d+: units\[0\]\.contact\.email/);
    expect(result.stdout).toMatch(/phases\[0\]\.window/);
  });

  it('gives the same issues as JSON', async () => {
    const result = await campaign(env, ['validate', badPlan(), '--json']);
    const body = JSON.parse(result.stdout) as { ok: boolean; errors: { path: (string | number)[] }[] };
    expect(body.ok).toBe(false);
    expect(body.errors.map((e) => e.path.join('.'))).toContain('units.0.contact.email');
  });

  it('refuses to start an invalid plan, listing its issues', async () => {
    const result = await campaign(env, ['start', badPlan(), '--rehearsal', '100']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/units\[0\]\.contact\.email/);
    expect(result.stderr).toMatch(/nothing was started/);
  });
});

describe('usage errors', () => {
  it('exits 2 when a required option is missing', async () => {
    const result = await campaign(env, ['cancel', 'some-campaign']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '--reason <text>' not specified");
    expect(result.stderr).toContain('hint:');
  });

  it('exits 2 on a date that is not YYYY-MM-DD, before contacting anyone', async () => {
    const args = ['return', 'x', '--phase', 'p', '--units', 'a', '--reason', 'r', '--due', '2026/04/20'];
    const result = await campaign(env, args, { TEMPORAL_ADDRESS: '127.0.0.1:1' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--due: write a date as YYYY-MM-DD');
  });

  it('exits 2 on a rehearsal scale that is not positive', async () => {
    const result = await campaign(env, ['start', writePlan(env.dataDir, 'zero'), '--rehearsal', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--rehearsal: must be a number greater than 0');
  });
});

describe('when the campaign or the server is not there', () => {
  it('says there is no such campaign and points to `campaign list`', async () => {
    const result = await campaign(env, ['status', 'no-such-campaign']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: no campaign "no-such-campaign"');
    expect(result.stderr).toContain('campaign list');
  });

  it('exits 3 with a hint when Temporal does not answer', async () => {
    const result = await campaign(env, ['status', 'any'], { TEMPORAL_ADDRESS: '127.0.0.1:1' });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cannot reach Temporal at 127.0.0.1:1');
    expect(result.stderr).toContain('hint: start one with `campaign server`, or set TEMPORAL_ADDRESS');
  });
});

describe('when the reader stops early', () => {
  it('ends quietly when its output pipe closes (`campaign --help | head`)', () => {
    const bin = path.resolve(__dirname, '../../bin/campaign.js');
    // `true` reads nothing and exits at once: the pipe is closed before the help is written.
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" --help | true`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.stderr).toBe('');
  });
});
