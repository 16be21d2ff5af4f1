import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, instantToLocal } from '../../domain/calendar/local-time';
import { uniqueId } from '../helpers/temporal';
import { writeDailyReceptionPlan } from '../support/reception-plan';
import { campaign, cliEnv, startWorker, type RunningWorker } from './support/cli';

// A live programme around today (no rehearsal): every day is a working day, two leaders in turn.
const env = cliEnv();
const id = uniqueId('reception-cli');
const today = instantToLocal(Date.now(), 'Asia/Shanghai').date;
const tomorrow = addDays(today, 1);
let worker: RunningWorker;
let planFile: string;

beforeAll(async () => {
  planFile = writeDailyReceptionPlan(env.dataDir, id, today);
  worker = await startWorker(env);
});

afterAll(async () => {
  await worker?.stop();
  fs.rmSync(env.dataDir, { recursive: true, force: true });
});

const on = (seq: number) => (seq % 2 === 0 ? 'liu' : 'chen'); // day 0 is yesterday: liu, today chen, tomorrow liu

describe('reception days from the command line (a receptions-only plan, with credentials)', () => {
  it('starts only the reception programme', async () => {
    const started = await campaign(env, ['start', planFile]);
    // The plan check's one warning: with receptions only, the programme holds handed-over cases itself.
    expect(started.stderr.trim().split('\n')).toEqual([expect.stringContaining('receptions: with receptions only')]);
    expect(started.code).toBe(0);
    expect(started.stdout).toContain(`next: campaign receptions today ${id}`);
  });

  it('records today as the leader on duty, and refuses tomorrow', async () => {
    const recorded = await campaign(env, [
      'receptions',
      'record',
      id,
      '--programme',
      'daily',
      '--name',
      '李某',
      '--matter',
      '咨询学区划分',
      '--answer',
      '已当场解释',
      '--as',
      `leader:${on(1)}`,
    ]);
    expect(recorded.stderr).toBe('');
    expect(recorded.stdout).toContain(`recorded ${today}: 1 visitor(s)`);
    const early = await campaign(env, [
      'receptions',
      'record',
      id,
      '--programme',
      'daily',
      '--date',
      tomorrow,
      '--no-visitors',
    ]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain(`the reception of ${tomorrow} has not begun; record it on the day`);
  });

  it('names a substitute before the day, refuses one on the day, and shows it', async () => {
    const sub = await campaign(env, [
      'receptions',
      'substitute',
      id,
      '--programme',
      'daily',
      '--date',
      tomorrow,
      '--substitute',
      'wang',
      '--reason',
      '赴市开会',
      '--as',
      `leader:${on(2)}`,
    ]);
    expect(sub.stderr).toBe('');
    expect(sub.stdout).toContain(`${tomorrow}: 王海燕 receives for 刘建国 (补位)`);
    const late = await campaign(env, [
      'receptions',
      'substitute',
      id,
      '--programme',
      'daily',
      '--date',
      today,
      '--substitute',
      'wang',
      '--reason',
      '临时有事',
    ]);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('a substitute is named before the day');
    const shown = await campaign(env, [
      'receptions',
      'today',
      id,
      '--programme',
      'daily',
      '--date',
      tomorrow,
      '--json',
    ]);
    const [view] = JSON.parse(shown.stdout) as {
      receptions: { onDuty: { name: string }; rostered: { name: string } }[];
    }[];
    expect([view?.receptions[0]?.onDuty.name, view?.receptions[0]?.rostered.name]).toEqual(['王海燕', '刘建国']);
    const now = await campaign(env, ['receptions', 'today', id, '--programme', 'daily']);
    expect(now.stdout).toContain(`${today} 领导接待日 已接访  陈立华  会议室 08:30–17:30  来访1人`);
    // The page the office posts (公示) names the substitute, the rostered leader in the remark.
    const page = path.join(env.dataDir, 'posted.html');
    const posted = await campaign(env, [
      'receptions',
      'rota',
      planFile,
      '--campaign',
      id,
      '--from',
      tomorrow,
      '--to',
      addDays(tomorrow, 1),
      '--html',
      page,
    ]);
    expect(posted.stderr).toBe('');
    expect(posted.stdout).toMatch(new RegExp(`${tomorrow} +周. +领导接待日 +王海燕 .*补位：王海燕代刘建国接访`));
    expect(posted.stdout).toMatch(new RegExp(`${addDays(tomorrow, 1)} +周. +领导接待日 +陈立华 `));
    expect(fs.readFileSync(page, 'utf8')).toContain('补位：王海燕代刘建国接访');
  });

  it('refuses a leader who is not on duty, naming who is', async () => {
    const other = await campaign(env, [
      'receptions',
      'record',
      id,
      '--programme',
      'daily',
      '--no-visitors',
      '--as',
      'leader:wang',
    ]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`leader:wang is not on duty on ${today} (陈立华 is)`);
  });

  it('pauses and resumes the programme as the office only', async () => {
    const byLeader = await campaign(env, ['receptions', 'pause', id, '--programme', 'daily', '--as', 'leader:liu']);
    expect(byLeader.code).toBe(1);
    expect(byLeader.stderr).toContain('may not pause reception days (暂停接访): only the office may');
    const paused = await campaign(env, [
      'receptions',
      'pause',
      id,
      '--programme',
      'daily',
      '--reason',
      '防汛期间',
      '--as',
      'office',
    ]);
    expect(paused.stderr).toBe('');
    expect(paused.stdout).toContain('daily 已暂停（防汛期间）');
    const shown = await campaign(env, ['receptions', 'today', id, '--programme', 'daily', '--json']);
    const [view] = JSON.parse(shown.stdout) as { pauseReason?: string }[];
    expect(view?.pauseReason).toBe('防汛期间');
    const again = await campaign(env, ['receptions', 'pause', id, '--programme', 'daily', '--as', 'office']);
    expect(again.stderr).toContain('the programme is already paused (防汛期间)');
    const resumed = await campaign(env, ['receptions', 'resume', id, '--programme', 'daily', '--as', 'office']);
    expect(resumed.stdout).toContain('daily 已恢复接访（此前暂停：防汛期间）');
  });
});
