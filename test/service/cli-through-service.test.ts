import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOfNow, campaignStatusQuery, campaignWorkflowId } from '../../contracts';
import { credentialFileName, credentialsDir } from '../../client/access/credential-files';
import { readPublishedStatus } from '../../client/status/read-published-status';
import { testClient, uniqueId } from '../helpers/temporal';
import { eventually } from '../support/eventually';
import { campaign, cliEnv, startWorker, type CliResult, type RunningWorker } from '../cli/support/cli';
import { startHarness, startWithCredentials, writeServicePlan, type Harness } from './support/service-harness';

/**
 * A clerk and a leader on a host with no Temporal access, no codec key and no shared disk: the
 * CLI goes through the service with `--server` and a credential file, nothing else.
 */
const env = cliEnv();
const id = uniqueId('svc-cli');
let worker: RunningWorker;
let h: Harness;
let url: string;
// The clerk's own machine: an empty data folder, and a Temporal address where nothing listens.
const clerkHost = fs.mkdtempSync(path.join(env.dataDir, 'clerk-'));

const fileOf = (principal: 'unit:town-a' | 'leader:head') => {
  const source = path.join(credentialsDir(env.dataDir, id), credentialFileName(principal));
  const copy = path.join(clerkHost, path.basename(source));
  fs.copyFileSync(source, copy);
  return copy;
};

function asHolder(principal: 'unit:town-a' | 'leader:head', args: string[]): Promise<CliResult> {
  return campaign(env, ['--server', url, '--credential', fileOf(principal), ...args], {
    TEMPORAL_ADDRESS: '127.0.0.1:9',
    CAMPAIGN_CODEC_KEYS: '',
    CAMPAIGN_DATA_DIR: clerkHost,
  });
}

beforeAll(async () => {
  const plan = writeServicePlan(env.dataDir, 'svc-cli-plan');
  [worker, h] = await Promise.all([startWorker(env), startHarness(env)]);
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  await startWithCredentials(env, plan, id, 600);
  const client = await testClient();
  await eventually(
    () => client.workflow.getHandle(campaignWorkflowId(id)).query(campaignStatusQuery, asOfNow()),
    (s) => s.currentPhase?.id === 'mobilise' && s.units.length === 2,
    { what: 'the rehearsal to open its first phase', intervalMs: 300 },
  );
});

afterAll(async () => {
  await (
    await testClient()
  ).workflow
    .getHandle(campaignWorkflowId(id))
    .terminate('test over')
    .catch(() => undefined);
  await h?.close();
  await worker?.stop();
  fs.rmSync(env.dataDir, { recursive: true, force: true });
});

describe('the CLI through the campaign service', () => {
  it('tells a clerk what the unit owes', async () => {
    const result = await asHolder('unit:town-a', ['todo', id, '--unit', 'town-a']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/members +工作小组成员名单 +宣传发动 +2026-04-13 18:00 +open/);
  });

  it("submits a file: stored where the workers read it, not on the clerk's machine", async () => {
    const file = path.join(clerkHost, '名单.txt');
    fs.writeFileSync(file, '张三 组长\n');
    const result = await asHolder('unit:town-a', [
      'submit',
      id,
      '--unit',
      'town-a',
      '--deliverable',
      'members',
      '--file',
      file,
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/submitted 工作小组成员名单 \(members\) for 甲镇: on time/);
    expect(result.stdout).toContain('1 file(s) stored: 名单.txt');
    expect(fs.existsSync(path.join(env.dataDir, 'reports'))).toBe(true);
    expect(fs.existsSync(path.join(clerkHost, 'reports'))).toBe(false);
  });

  it("refuses a clerk another unit's list, in one sentence and exit code 1", async () => {
    const result = await asHolder('unit:town-a', ['--json', 'todo', id, '--unit', 'town-b']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: { type: 'forbidden', message: expect.stringContaining('may not see unit town-b') as string },
    });
  });

  it("shows a leader the glance and the unit's cases, and gives the campaign's reason for a refused approval", async () => {
    // The campaign publishes its status a moment after it starts; wait here, not through the CLI.
    await eventually(
      () =>
        readPublishedStatus(h.ctx.reader, id).then(
          () => true,
          () => false,
        ),
      (published) => published,
      { what: 'the published status', intervalMs: 300 },
    );
    const glance = await asHolder('leader:head', ['--json', 'glance', id]);
    expect(glance.code, glance.stderr).toBe(0);
    expect(JSON.parse(glance.stdout)).toMatchObject({ campaignId: id, units: 2 });
    const cases = await asHolder('leader:head', ['case', 'list', id, '--unit', 'town-a']);
    expect(cases.code, cases.stderr).toBe(0);
    expect(cases.stdout).toContain('no cases');
    const approve = await asHolder('leader:head', ['--json', 'approve', id, '--phase', 'nope']);
    expect(approve.code).toBe(1);
    expect(JSON.parse(approve.stdout)).toMatchObject({ error: { type: 'unknown_phase' } });
    // The clerk's refused look at town-b is in the audit the leader reads.
    const audit = await asHolder('leader:head', ['audit', id]);
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stdout).toMatch(/service: .* unit:town-a refused:todo: unit:town-a may not see unit town-b/);
  });

  it('lets a clerk file and work a case, and a leader read the timeline and the ledger, all through the service', async () => {
    const filed = await asHolder('unit:town-a', [
      '--json',
      'case',
      'file',
      id,
      '--unit',
      'town-a',
      '--title',
      '征地补偿',
      '--category',
      'law-related',
      '--petitioner',
      '张某某',
      '--leader',
      '组长',
      '--handler',
      '王干事',
      '--stability-officer',
      '赵所长',
      '--deadline',
      '2026-05-30',
      '--requirements',
      '依法解决',
    ]);
    expect(filed.code, filed.stderr).toBe(0);
    const caseId = (JSON.parse(filed.stdout) as { filed: string[] }).filed[0]!;
    expect(caseId).toMatch(/^town-a-/);

    const note = await asHolder('unit:town-a', [
      'case',
      'note',
      id,
      caseId,
      '--unit',
      'town-a',
      '--kind',
      'talk-record',
      '--text',
      '已约谈信访人',
    ]);
    expect(note.code, note.stderr).toBe(0);
    expect(note.stdout).toContain(`note ${caseId}: now`);
    // A clerk acts for the own unit only, on cases too.
    const foreign = await asHolder('unit:town-a', ['case', 'note', id, caseId, '--unit', 'town-b', '--text', 'x']);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('town-b');

    const status = await asHolder('leader:head', ['--json', 'status', id]);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ campaignId: id, credentials: true, units: [{}, {}] });
    const timeline = await asHolder('leader:head', ['timeline', id]);
    expect(timeline.code, timeline.stderr).toBe(0);
    expect(timeline.stdout).toContain('宣传发动');
    const unitLog = await asHolder('leader:head', ['--json', 'timeline', id, '--unit', 'town-a']);
    expect(unitLog.code, unitLog.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(unitLog.stdout))).toContain('members');

    const stats = await asHolder('leader:head', ['--json', 'ledger', 'stats', id, '--unit', 'town-a']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ overall: { filed: 1, open: 1 } });
    const file = path.join(clerkHost, '台帐.csv');
    const exported = await asHolder('leader:head', ['ledger', 'export', id, file]);
    expect(exported.code, exported.stderr).toBe(0);
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv).toContain('征地补偿');
    // The leader is not the office: the petitioner's name stays masked in the file.
    expect(csv).not.toContain('张某某');
    const unmasked = path.join(clerkHost, '台帐-实名.csv');
    const refused = await asHolder('leader:head', ['ledger', 'export', id, unmasked, '--personal-data']);
    expect(refused.code).toBe(1);
    expect(fs.existsSync(unmasked)).toBe(false);
  });

  it('says so when no service answers at the address', async () => {
    const result = await campaign(env, [
      '--server',
      'http://127.0.0.1:9',
      '--credential',
      fileOf('unit:town-a'),
      'todo',
      id,
      '--unit',
      'town-a',
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cannot reach the campaign service at http://127.0.0.1:9');
  });
});
