import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../helpers/temporal';
import { campaign, cliEnv, startWorker, type RunningWorker } from './support/cli';

/**
 * Scoring in a running campaign from the command line, with the credentials `campaign start`
 * writes: each judge scores as themself (`--as judge-1`), the office closes, a leader approves,
 * a unit reads its own breakdown, and the campaign report carries the published result.
 */

const env = cliEnv();
const id = uniqueId('cli-assessment');
let worker: RunningWorker;

function writePlan(): string {
  const unit = (uid: string, name: string) =>
    `  - { id: ${uid}, name: ${name}, head: { name: ${name}主要领导, email: head-${uid}@example.org }, contact: { name: ${name}联络员, email: ${uid}@example.org } }`;
  const text = [
    `campaign: { id: ${id}, title: 考核演练, organiser: 县信访局 }`,
    'leadingGroup:',
    '  head: { id: head, name: 组长, email: head@example.org }',
    'office: { id: office, name: 县信访局, email: office@example.org }',
    'units:',
    unit('town-a', '甲镇'),
    unit('town-b', '乙镇'),
    'phases:',
    '  - id: accept',
    '    name: 考核验收',
    '    window: { start: 2026-04-12, end: 2026-06-30 }',
    '    gate: approval',
    'assessment:',
    '  title: 年度考核',
    '  window: { phase: accept }',
    '  panel:',
    '    - { id: judge-1, name: 评委一, email: judge-1@example.org }',
    '    - { id: judge-2, name: 评委二, email: judge-2@example.org }',
    '  items: [{ id: work, name: 工作实绩, points: 10 }]',
    '  decimals: 1',
    '  awards: [{ id: first, name: 先进单位, count: 1 }]',
    '',
  ].join('\n');
  const file = path.join(env.dataDir, 'plan.yaml');
  fs.writeFileSync(file, text);
  return file;
}

const score = (as: string, unit: string, value: string) =>
  campaign(env, ['--as', as, 'assessment', 'score', id, '--unit', unit, '--item', 'work', '--score', value]);

beforeAll(async () => {
  worker = await startWorker(env);
  // Ten minutes a plan day: the window stays open for the whole test.
  const started = await campaign(env, ['start', writePlan(), '--rehearsal-day', '600']);
  expect(started.code, started.stderr).toBe(0);
});

afterAll(async () => {
  await worker?.stop();
  fs.rmSync(env.dataDir, { recursive: true, force: true });
});

describe('campaign assessment in a running campaign', () => {
  it('takes each judge’s scores under their credential, closes, is approved by a leader and shows a unit its line', async () => {
    expect(fs.readdirSync(path.join(env.dataDir, 'credentials', id))).toEqual(
      expect.arrayContaining(['assessor-judge-1.credential.json', 'assessor-judge-2.credential.json']),
    );
    const outOfRange = await score('judge-2', 'town-a', '11');
    expect(outOfRange.code).not.toBe(0);
    expect(outOfRange.stderr).toContain('11 is out of range: 工作实绩 is scored from 0 to 10; nothing was recorded');

    // Each judge's sheet, as a CSV with the units named by id or by name.
    for (const [as, a, b] of [
      ['judge-1', '9.2', '8'],
      ['judge-2', '9.1', '8.6'],
    ] as const) {
      const sheet = path.join(env.dataDir, `${as}.csv`);
      fs.writeFileSync(sheet, `评委,单位,项目,得分\n${as},town-a,work,${a}\n${as},乙镇,工作实绩,${b}\n`);
      const sent = await campaign(env, ['--as', as, 'assessment', 'score', id, '--scores', sheet]);
      expect(sent.stdout, sent.stderr).toContain('recorded 2 score(s)');
    }
    const show = await campaign(env, ['assessment', 'show', id, '--json']);
    expect((JSON.parse(show.stdout) as { standing: unknown }).standing).toMatchObject({
      stage: 'scoring',
      scoresRecorded: 4,
      owing: [],
    });

    const closed = await campaign(env, ['assessment', 'close', id]);
    expect(closed.stdout, closed.stderr).toContain('先进单位（1）：甲镇');
    const byJudge = await campaign(env, ['--as', 'judge-1', 'assessment', 'approve', id]);
    expect(byJudge.code).not.toBe(0);
    expect(byJudge.stderr).toMatch(/not_authorized|may not|only/);

    const approved = await campaign(env, ['--as', 'head', 'assessment', 'approve', id]);
    expect(approved.stdout, approved.stderr).toContain('published');
    const shown = await campaign(env, ['assessment', 'show', id]);
    expect(shown.stdout).toContain('stage published, approved by 组长');
    const own = await campaign(env, ['assessment', 'show', id, '--unit', 'town-b']);
    // (8 + 8.6) / 2 = 8.3
    expect(own.stdout).toContain('乙镇：第 2 名，总分 8.3');
    expect(own.stdout).toContain('评委二 8.6');

    const report = await campaign(env, ['report', id, '--format', 'md']);
    expect(report.stdout, report.stderr).toContain('## 考核评比：年度考核');
    expect(report.stdout).toContain('先进单位（1）：甲镇');
  });
});
