import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOfNow, campaignStatusQuery, overdueQuery, campaignWorkflowId, unitWorkflowId } from '../../contracts';
import { testClient, uniqueId } from '../helpers/temporal';
import { eventually } from '../support/eventually';
import { campaign, cliEnv, startWorker, writePlan, type RunningWorker } from './support/cli';

// One plan day lasts this many real seconds: long enough that a CLI call (about 1–2 s on a
// loaded machine) lands on the intended plan day, short enough to run both phases in ~20 s.
const DAY_SECONDS = 6;

const env = cliEnv();
const id = uniqueId('cli-run');
let worker: RunningWorker;
let planFile: string;

const status = async () =>
  (await testClient()).workflow.getHandle(campaignWorkflowId(id)).query(campaignStatusQuery, asOfNow());

beforeAll(async () => {
  planFile = writePlan(env.dataDir, 'cli-plan');
  fs.writeFileSync(path.join(env.dataDir, 'members.txt'), '张三 组长\n李四 联络员\n');
  fs.writeFileSync(path.join(env.dataDir, 'report.yaml'), 'members:\n  - { name: 王五, role: 组长 }\n');
  worker = await startWorker(env);
});

afterAll(async () => {
  await worker?.stop();
  fs.rmSync(env.dataDir, { recursive: true, force: true });
});

describe('a rehearsal driven from the command line', () => {
  it('starts the plan as a rehearsal and prints its ids', async () => {
    const started = await campaign(env, ['start', planFile, '--id', id, '--rehearsal-day', String(DAY_SECONDS)]);
    expect(started.code).toBe(0);
    expect(started.stdout).toContain(`campaign:${id}`);
    expect(started.stdout).toMatch(/rehearsal ×14400/);
    // The units run on a queue of their own, served by the same worker process.
    const client = await testClient();
    const unit = await eventually(
      () =>
        client.workflow
          .getHandle(unitWorkflowId(id, 'town-a'))
          .describe()
          .catch(() => undefined),
      (d) => d !== undefined,
      { what: 'unit town-a to start' },
    );
    expect(unit?.taskQueue).toBe(`${env.taskQueue}-units`);
    expect((await client.workflow.getHandle(campaignWorkflowId(id)).describe()).taskQueue).toBe(env.taskQueue);
  });

  it('takes a unit report with an attached file, on time', async () => {
    const file = path.join(env.dataDir, 'members.txt');
    const result = await campaign(env, ['submit', id, '--unit', 'town-a', '--deliverable', 'members', '--file', file]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/submitted 工作小组成员名单 \(members\) for 甲镇: on time/);
    expect(fs.readdirSync(path.join(env.dataDir, 'reports')).length).toBeGreaterThan(0);
  });

  it('shows the phase, the next deadline and every unit in the status', async () => {
    const result = await campaign(env, ['status', id]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('宣传发动 (mobilise)');
    expect(result.stdout).toMatch(/next deadline +工作小组成员名单, due 2026-04-13 18:00/);
    expect(result.stdout).toMatch(/town-a +甲镇 +1 +1 +0 +0/);
  });

  it('tells a unit what it still owes and by when', async () => {
    const result = await campaign(env, ['todo', id, '--unit', 'town-b']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/members +工作小组成员名单 +宣传发动 +2026-04-13 18:00 +open/);
  });

  it('refuses a unit that takes no part, naming it', async () => {
    const result = await campaign(env, ['todo', id, '--unit', 'town-z']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no unit "town-z" takes part');
  });

  it('lists the unit that missed the deadline as overdue', async () => {
    const client = await testClient();
    await eventually(
      () => client.workflow.getHandle(campaignWorkflowId(id)).query(overdueQuery, asOfNow()),
      (rows) => rows.length > 0,
      {
        what: 'town-b to be overdue',
        timeoutMs: 30_000,
        intervalMs: 500,
      },
    );
    const result = await campaign(env, ['overdue', id]);
    expect(result.stdout).toMatch(/town-b +乙镇 +members +2026-04-13 18:00/);
  });

  it('takes the late report from a report file and says how late it is', async () => {
    const report = path.join(env.dataDir, 'report.yaml');
    const result = await campaign(env, [
      'submit',
      id,
      '--unit',
      'town-b',
      '--deliverable',
      'members',
      '--report',
      report,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/for 乙镇: late by \d+h/);
  });

  it('gives the rejection type in JSON when the leaders approve a phase that does not exist', async () => {
    const result = await campaign(env, ['--json', 'approve', id, '--phase', 'nope']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { type: 'unknown_phase' } });
  });

  it('lets a leader return the acceptance phase to a unit, then approve it', async () => {
    await eventually(status, (s) => s.currentPhase?.id === 'accept', {
      what: 'phase two',
      timeoutMs: 30_000,
      intervalMs: 500,
    });
    const returned = await campaign(env, [
      'return',
      id,
      '--phase',
      'accept',
      '--units',
      'town-a',
      '--reason',
      '总结缺数据',
      '--due',
      '2026-05-30',
    ]);
    expect(returned.stdout).toContain('phase accept returned to town-a');
    const approved = await campaign(env, ['approve', id, '--phase', 'accept', '--as', 'leader:head']);
    expect(approved.stdout).toContain('phase accept approved');
    await eventually(status, (s) => s.status === 'completed', {
      what: 'completion',
      timeoutMs: 30_000,
      intervalMs: 500,
    });
  });

  it('lists the finished campaign among the completed ones', async () => {
    // Visibility is eventually consistent: the list may lag the completion by a moment.
    for (let attempt = 0; attempt < 10; attempt++) {
      const listed = await campaign(env, ['list', '--state', 'completed', '--json', '--limit', '500']);
      const ids = (JSON.parse(listed.stdout) as { campaignId: string }[]).map((c) => c.campaignId);
      if (ids.includes(id)) return;
      await sleep(1000);
    }
    throw new Error(`${id} never appeared in \`campaign list --state completed\``);
  });

  it('cancels a live campaign with a reason', async () => {
    const live = uniqueId('cli-live');
    expect((await campaign(env, ['start', planFile, '--id', live])).code).toBe(0);
    const cancelled = await campaign(env, ['cancel', live, '--reason', '演练结束']);
    expect(cancelled.stdout).toContain('campaign cancelled');
    const after = await campaign(env, ['--json', 'status', live]);
    expect(JSON.parse(after.stdout)).toMatchObject({
      status: 'cancelled',
      cancelled: { reason: '演练结束', by: 'office' },
    });
  });
});
