import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../helpers/temporal';
import { campaign, cliEnv, startWorker, type CliResult, type RunningWorker } from './support/cli';

/**
 * An office runs a whole ledger from the command line against a real worker process: a
 * 1,000-row import, a file with bad rows, notes, a transfer, closure, acceptance, return, the
 * statistics, the export, and the tick-off holding the final approval.
 */

const env = cliEnv();
const id = uniqueId('cli-ledger');
const HEADER =
  '序号,编号,信访人,联系方式,反映问题,问题类别,重点标识,承办单位,包案领导,具体责任人,稳控责任人,办结时限,工作要求';
const CATEGORIES = ['涉法涉诉', '热点难点问题'];
let worker: RunningWorker;
const file = (name: string) => path.join(env.dataDir, name);

function writePlan(): string {
  const unit = (uid: string, name: string) =>
    `  - { id: ${uid}, name: ${name}, head: { name: ${name}主要领导, email: head-${uid}@example.org }, contact: { name: ${name}联络员, email: ${uid}@example.org } }`;
  const text = [
    `campaign: { id: ${id}, title: 台帐演练, organiser: 县信访局 }`,
    'leadingGroup:',
    '  head: { id: head, name: 组长, email: head@example.org }',
    'office: { id: office, name: 县信访局, email: office@example.org }',
    'units:',
    unit('town-a', '甲镇'),
    unit('town-b', '乙镇'),
    'phases:',
    '  - id: resolve',
    '    name: 集中化解',
    '    window: { start: 2026-04-12, end: 2026-06-30 }',
    '    gate: approval',
    '    casesFiling: true',
    '',
  ].join('\n');
  fs.writeFileSync(file('plan.yaml'), text);
  return file('plan.yaml');
}

/** Row n of the ledger: 900 rows for 甲镇, 100 for 乙镇, two categories. */
const row = (n: number, overrides: { category?: string; deadline?: string } = {}) =>
  [
    n,
    `LX-${n}`,
    `信访人${n}`,
    '13800000000',
    `反映问题${n}`,
    overrides.category ?? CATEGORIES[n % 2],
    n % 10 === 0 ? '集体访' : '',
    n <= 900 ? '甲镇' : '乙镇',
    '副县长',
    '王干事',
    '李所长',
    overrides.deadline ?? '2026-06-15',
    '依法按政策解决',
  ].join(',');

const json = <T>(result: CliResult): T => {
  expect(result.stderr, result.stdout).toBe('');
  return JSON.parse(result.stdout) as T;
};

beforeAll(async () => {
  const rows = Array.from({ length: 1000 }, (_, i) => row(i + 1));
  fs.writeFileSync(file('ledger.csv'), `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`);
  const bad = [row(1001), row(1002, { category: '不存在的类别' }), row(1003, { deadline: '2026-13-40' }), row(1004)];
  fs.writeFileSync(file('bad.csv'), [HEADER, ...bad].join('\n'));
  const report = [
    'issueRaised: 反映征地补偿款未到位',
    'investigation: 经查补偿款已拨付至村集体',
    'handlingOpinion: 督促村集体十日内发放到户',
    'signatures: { unitLeader: 张镇长, handler: 王干事 }',
    'unitSealed: true',
    'followUp: { opinion: agree, petitionerSigned: true }',
  ];
  fs.writeFileSync(file('closure.yaml'), `${report.join('\n')}\n`);
  fs.writeFileSync(file('closure-incomplete.yaml'), `${report.slice(0, 2).join('\n')}\n`);
  worker = await startWorker(env);
  // Ten minutes a plan day: no case deadline falls due while the test runs.
  const started = await campaign(env, ['start', writePlan(), '--rehearsal-day', '600']);
  expect(started.code, started.stderr).toBe(0);
  // One credential per unit, per leader and for the office, in the data folder.
  expect(started.stdout).toMatch(/credentials +4 files in /);
});

afterAll(async () => {
  await worker?.stop();
  fs.rmSync(env.dataDir, { recursive: true, force: true });
});

describe('the case ledger from the command line', () => {
  it('imports a 1,000-row ledger into the two units, and recognises it when imported again', async () => {
    const imported = await campaign(env, ['case', 'import', id, file('ledger.csv')]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('imported 1000 case(s) for 2 unit(s)');
    const again = await campaign(env, ['case', 'import', id, file('ledger.csv')]);
    expect(again.stdout).toContain('imported 0 case(s) for 2 unit(s)');
    expect(again.stdout).toContain('1000 row(s) were already in the ledger and were skipped');
  });

  it('imports nothing from a file with bad rows, naming each bad row and column', async () => {
    const result = await campaign(env, ['case', 'import', id, file('bad.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nothing was imported, 2 problem\(s\)/);
    expect(result.stderr).toMatch(/row 3 \(问题类别\)/);
    expect(result.stderr).toMatch(/row 4 \(办结时限\)/);
    const stats = json<{ filed: number }>(await campaign(env, ['ledger', 'stats', id, '--json']));
    expect(stats.filed).toBe(1000);
  });

  it("lists a unit's cases", async () => {
    const cases = json<{ id: string; externalRef: string }[]>(
      await campaign(env, ['case', 'list', id, '--unit', 'town-b', '--json']),
    );
    expect(cases).toHaveLength(100);
    expect(cases[0]).toMatchObject({ id: 'town-b-0001', externalRef: 'LX-901' });
    const table = await campaign(env, ['case', 'list', id, '--unit', 'town-b', '--overdue']);
    expect(table.code).toBe(0);
  });

  it('records a talk, transfers a case, and the other unit works it', async () => {
    const note = await campaign(env, [
      'case',
      'note',
      id,
      'town-b-0001',
      '--unit',
      'town-b',
      '--kind',
      'talk-record',
      '--text',
      '已约谈信访人',
    ]);
    expect(note.stdout).toContain('note town-b-0001: now open');
    const moved = await campaign(env, [
      'case',
      'transfer',
      id,
      'town-b-0001',
      '--unit',
      'town-b',
      '--to',
      'town-a',
      '--reason',
      '属地管辖',
    ]);
    expect(moved.stderr).toBe('');
    expect(moved.stdout).toContain('transferred town-b-0001: now with town-a');
    const extended = await campaign(env, [
      'case',
      'extend',
      id,
      'town-b-0001',
      '--unit',
      'town-a',
      '--deadline',
      '2026-06-25',
      '--reason',
      '需司法鉴定',
    ]);
    expect(extended.stdout).toContain('extend town-b-0001: now open');
    const bad = await campaign(env, ['case', 'note', id, 'town-b-0001', '--unit', 'town-a', '--kind', 'gossip']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--text|--kind/);
  });

  it('refuses an incomplete closure report naming what is missing, then closes, accepts and returns', async () => {
    const incomplete = await campaign(env, [
      'case',
      'close',
      id,
      'town-a-0001',
      '--unit',
      'town-a',
      '--report',
      file('closure-incomplete.yaml'),
    ]);
    expect(incomplete.code).toBe(1);
    expect(incomplete.stderr).toMatch(/处理意见|handling/i);
    for (const caseId of ['town-a-0001', 'town-a-0002']) {
      const closed = await campaign(env, [
        'case',
        'close',
        id,
        caseId,
        '--unit',
        'town-a',
        '--report',
        file('closure.yaml'),
      ]);
      expect(closed.stdout).toContain(`submitClosure ${caseId}: now closure-submitted`);
    }
    const accepted = await campaign(env, ['case', 'accept', id, 'town-a-0001', '--unit', 'town-a', '--as', 'office']);
    expect(accepted.stdout).toContain('accept town-a-0001: now closed');
    const returned = await campaign(env, [
      'case',
      'return',
      id,
      'town-a-0002',
      '--unit',
      'town-a',
      '--reason',
      '回访意见缺少信访人签字',
    ]);
    expect(returned.stdout).toContain('return town-a-0002: now open');
  });

  it('counts the ledger and holds the final approval while cases are unreconciled', async () => {
    const unit = json<{ overall: { filed: number; closed: number } }>(
      await campaign(env, ['ledger', 'stats', id, '--unit', 'town-a', '--json']),
    );
    // 900 of its own plus the one transferred in.
    expect(unit.overall).toMatchObject({ filed: 901, closed: 1 });
    const refused = await campaign(env, ['approve', id, '--phase', 'resolve', '--as', 'leader:head']);
    expect(refused.code).toBe(1);
    // The count is exact although each unit reports only its first cases by name.
    expect(refused.stderr).toMatch(/999 case\(s\) are neither closed nor given next-step measures/);
  });

  it('refuses a unit acting beyond its rights and records the attempt in the audit log', async () => {
    const unitFile = path.join(env.dataDir, 'credentials', id, 'unit-town-a.credential.json');
    const refused = await campaign(env, [
      'case',
      'accept',
      id,
      'town-a-0003',
      '--unit',
      'town-a',
      '--credential',
      unitFile,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('unit:town-a may not accept a closure (销号) for town-a');
    const audit = json<{ total: number; entries: { action: string; principal?: string }[] }>(
      await campaign(env, ['audit', id, '--json']),
    );
    expect(audit.entries).toContainEqual(
      expect.objectContaining({ action: 'caseEvent:accept', principal: 'unit:town-a' }),
    );
    const table = await campaign(env, ['audit', id]);
    expect(table.stdout).toMatch(/town-a +caseEvent:accept +unit:town-a/);
  });

  it('exports the whole ledger to a spreadsheet', async () => {
    const out = file('台帐.xlsx');
    const result = await campaign(env, ['ledger', 'export', id, out]);
    expect(result.stdout).toContain(`wrote 1000 case(s) to ${out}`);
    expect(fs.statSync(out).size).toBeGreaterThan(10_000);
    const csv = file('台帐.csv');
    await campaign(env, ['ledger', 'export', id, csv]);
    const lines = fs.readFileSync(csv, 'utf8').trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThanOrEqual(1001);
    // Personal data stays masked unless asked for.
    expect(lines.join('\n')).not.toContain('信访人901');
  });
});
