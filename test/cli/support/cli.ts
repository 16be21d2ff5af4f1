import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testClient, temporalAddress, uniqueId } from '../../helpers/temporal';

const BIN = path.resolve(__dirname, '../../../bin/campaign.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliEnv {
  taskQueue: string;
  dataDir: string;
}

/** A task queue and data folder of its own, so parallel test files never share a worker. */
export function cliEnv(): CliEnv {
  return { taskQueue: uniqueId('cli'), dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-cli-')) };
}

function childEnv(env: CliEnv, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TEMPORAL_ADDRESS: temporalAddress(),
    TEMPORAL_TASK_QUEUE: env.taskQueue,
    CAMPAIGN_DATA_DIR: env.dataDir,
    NO_COLOR: '1',
    CAMPAIGN_ACTOR: '',
    ...extra,
  };
}

/** Runs the real binary, as a user would: `node bin/campaign.js ARGS`. */
export function campaign(env: CliEnv, args: string[], extra: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(env, extra), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface RunningWorker {
  stop(): Promise<void>;
}

/** `campaign worker` as a child process; resolves once it polls its task queue. */
export async function startWorker(env: CliEnv): Promise<RunningWorker> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'worker'], { env: childEnv(env, {}), stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  };
  const client = await testClient();
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the worker exited early:\n${output}`);
    const queue = await client.workflowService.describeTaskQueue({
      namespace: 'default',
      taskQueue: { name: env.taskQueue },
      taskQueueType: 1,
    });
    if (queue.pollers.length > 0) return { stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the worker did not poll within 90 s:\n${output}`);
    }
    await sleep(200);
  }
}

/** A small two-phase plan (a window-gated phase, then one that waits for approval), as YAML. */
export function writePlan(dir: string, id: string): string {
  const file = path.join(dir, `${id}.yaml`);
  const unit = (uid: string, name: string) =>
    `  - { id: ${uid}, name: ${name}, head: { name: ${name}主要领导, email: head-${uid}@example.org }, contact: { name: ${name}联络员, email: ${uid}@example.org } }`;
  fs.writeFileSync(
    file,
    [
      `campaign: { id: ${id}, title: 小型演练, organiser: 县信访局 }`,
      'leadingGroup:',
      '  head: { id: head, name: 组长, email: head@example.org }',
      'office: { id: office, name: 县信访局, email: office@example.org }',
      'units:',
      unit('town-a', '甲镇'),
      unit('town-b', '乙镇'),
      'escalation:',
      '  - { after: 1d, notify: [unit-head] }',
      'phases:',
      '  - id: mobilise',
      '    name: 宣传发动',
      '    window: { start: 2026-04-12, end: 2026-04-13 }',
      '    deliverables: [{ id: members, title: 工作小组成员名单, kind: member-list, due: 2026-04-13 }]',
      '  - id: accept',
      '    name: 总结验收',
      '    window: { start: 2026-04-14, end: 2026-04-15 }',
      '    gate: approval',
      '    deliverables: [{ id: summary, title: 书面总结, kind: summary, due: 2026-04-15 }]',
      '',
    ].join('\n'),
  );
  return file;
}
