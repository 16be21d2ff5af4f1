import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../helpers/temporal';
import { campaign, cliEnv, startWorker, type RunningWorker } from './support/cli';

/** The office records a supervision team's findings from the command line; one becomes a case. */

const env = cliEnv();
const id = uniqueId('cli-duties');
let worker: RunningWorker;
const file = (name: string) => path.join(env.dataDir, name);

function writePlan(): string {
  const unit = (uid: string, name: string) =>
    `  - { id: ${uid}, name: ${name}, head: { name: ${name}主要领导, email: head-${uid}@example.org }, contact: { name: ${name}联络员, email: ${uid}@example.org } }`;
  const text = [
    `campaign: { id: ${id}, title: 督查演练, organiser: 县信访局 }`,
    'leadingGroup:',
    '  head: { id: head, name: 组长, email: head@example.org }',
    '  deputies: [{ id: deputy, name: 副组长, email: deputy@example.org }]',
    'office: { id: office, name: 县信访局, email: office@example.org }',
    'units:',
    unit('town-a', '甲镇'),
    unit('town-b', '乙镇'),
    'supervisionTeams: [{ id: team-1, name: 第一督导组, members: [deputy] }]',
    'phases:',
    '  - id: resolve',
    '    name: 集中化解',
    '    window: { start: 2026-04-12, end: 2026-06-30 }',
    '    gate: approval',
    '    casesFiling: true',
    '    duties:',
    '      - { id: check, title: 化解工作督查, by: { team: team-1 }, due: 2026-06-15 }',
    '',
  ].join('\n');
  fs.writeFileSync(file('plan.yaml'), text);
  return file('plan.yaml');
}

beforeAll(async () => {
  fs.writeFileSync(
    file('findings.yaml'),
    [
      '- unitId: town-b',
      '  text: 台帐漏登一件重复访',
      '  case: { title: 漏登重复访, category: repeated-petition, owningLeader: { name: 乙镇副镇长 }, handler: 王干事, deadline: 2026-06-20 }',
      '',
    ].join('\n'),
  );
  worker = await startWorker(env);
  // Ten minutes a plan day: the duty falls due long after the test.
  const started = await campaign(env, ['start', writePlan(), '--rehearsal-day', '600']);
  expect(started.code, started.stderr).toBe(0);
});

afterAll(async () => {
  await worker?.stop();
  fs.rmSync(env.dataDir, { recursive: true, force: true });
});

describe('supervision duties from the command line', () => {
  it('records findings, files the one with a case in its unit’s ledger, and lists the duty done', async () => {
    const one = await campaign(env, [
      'findings',
      id,
      '--phase',
      'resolve',
      '--duty',
      'check',
      '--unit',
      'town-a',
      '--finding',
      '工作台帐未及时更新',
      '--as',
      'leader:deputy',
    ]);
    expect(one.stderr).toBe('');
    expect(one.stdout).toContain('1 finding(s) recorded on check');
    const refused = await campaign(env, [
      'findings',
      id,
      '--phase',
      'resolve',
      '--duty',
      'chek',
      '--unit',
      'town-a',
      '--finding',
      'x',
      '--as',
      'office',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('阶段“集中化解”没有编号为“chek”的督查任务; did you mean "check"?');
    const many = await campaign(env, [
      'findings',
      id,
      '--phase',
      'resolve',
      '--duty',
      'check',
      '--file',
      file('findings.yaml'),
      '--done',
      '--as',
      'office',
    ]);
    expect(many.stderr).toBe('');
    expect(many.stdout).toMatch(/1 finding\(s\) recorded on check; duty done\n {2}case (\S+) filed in town-b's ledger/);
    const cases = JSON.parse((await campaign(env, ['case', 'list', id, '--unit', 'town-b', '--json'])).stdout) as {
      title: string;
      source: string;
    }[];
    expect(cases).toMatchObject([{ title: '漏登重复访', source: 'supervision' }]);
    const duties = JSON.parse((await campaign(env, ['duties', id, '--json'])).stdout) as {
      state: string;
      findings: unknown[];
    }[];
    expect(duties).toMatchObject([{ dutyId: 'check', by: '第一督导组', state: 'done' }]);
    expect(duties[0]!.findings).toHaveLength(2);
  });
});
