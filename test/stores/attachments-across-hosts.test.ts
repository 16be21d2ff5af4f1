import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCampaign } from '../../client/start-campaign';
import { campaignWorkflowId, unitWorkflowId } from '../../contracts';
import { createPgStores } from '../../stores/postgres';
import { campaign as cli, type CliEnv } from '../cli/support/cli';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { temporalAddress, testClient, uniqueId } from '../helpers/temporal';
import { parseMail } from '../notify/parse-mail';
import { spawnWorker, type WorkerProcess } from '../reliability/support/worker-process';
import { eventually } from '../support/eventually';
import { phaseReportDone } from '../support/phase-reports';
import { smallPlan } from '../support/plans';

/**
 * A file submitted through one host is in the phase report compiled on another. Host A's worker
 * runs the campaign until its first phase report; then only host B's worker is left, and a clerk on
 * host A submits the member list with a file. The phase report is reissued (revision 2) on host B,
 * which finds the file in the database both share, and the office fetches the report and the file
 * by reference from either host's folder. Nothing shared lands in either folder.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The list is due long after its phase closes: submitted after the first report, it is on time and
// makes revision 2. The acceptance phase waits for an approval nobody gives, so nothing ends early.
const plan = smallPlan(uniqueId('attach'), {
  phases: [
    {
      id: 'mobilise',
      name: '宣传发动',
      window: { start: '2026-04-12', end: '2026-04-13' },
      deliverables: [{ id: 'members', title: '工作小组成员名单', kind: 'member-list', due: '2026-06-30' }],
    },
    {
      id: 'accept',
      name: '总结验收',
      window: { start: '2026-07-01', end: '2026-07-02' },
      gate: 'approval',
      deliverables: [{ id: 'summary', title: '书面总结', kind: 'summary', due: '2026-07-02' }],
    },
  ],
});

let db: TestPostgres;
const folders = { a: '', b: '', work: '' };
beforeAll(async () => {
  db = await startTestPostgres();
  for (const host of ['a', 'b', 'work'] as const) {
    folders[host] = fs.mkdtempSync(path.join(os.tmpdir(), `campaign-attach-${host}-`));
  }
});
afterAll(async () => {
  await db?.dispose();
  for (const folder of Object.values(folders)) if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe('a report with a file, submitted on one host and compiled on another', () => {
  it('lists the file as stored in the phase report, and both download from either host', async () => {
    const client = await testClient();
    const taskQueue = uniqueId('attach');
    const host = (name: 'a' | 'b'): CliEnv => ({ taskQueue, dataDir: folders[name] });
    const shared = { DATABASE_URL: db.url, SMTP_URL: '' };
    const worker = (name: 'a' | 'b'): WorkerProcess =>
      // No SMTP server: mail goes to the outbox, which with a database is shared too.
      spawnWorker({ address: temporalAddress(), taskQueue, dataDir: folders[name], smtpUrl: '', env: shared });
    const workers: WorkerProcess[] = [];
    const campaignId = campaignWorkflowId(plan.campaign.id);
    try {
      const a = worker('a');
      workers.push(a);
      await a.ready(client);
      // Two seconds a plan day, from half a day before the first phase opens.
      const clock = { rehearsalScale: DAY / 2_000, rehearsalLeadInMs: 12 * HOUR, nowMs: Date.now() };
      await startCampaign(client, plan, { taskQueue, startedBy: 'office', ...clock });
      await phaseReportDone(client, campaignId, 'mobilise', 1);

      // Host A goes away; from now on only host B runs workflows and activities.
      const b = worker('b');
      workers.push(b);
      await b.ready(client);
      await a.stop();

      const members = path.join(folders.work, '工作小组成员名单.csv');
      const content = '姓名,职务,电话\n张三,组长,13800000000\n李四,联络员,13900000000\n';
      fs.writeFileSync(members, content);
      const submitted = await cli(
        host('a'),
        ['submit', plan.campaign.id, '--unit', 'town-a', '--deliverable', 'members', '--file', members, '--json'],
        shared,
      );
      expect(submitted.code, submitted.stderr).toBe(0);

      await phaseReportDone(client, campaignId, 'mobilise', 2);
      const report = await revisionTwoMarkdown(db.url, plan.campaign.id, host('a'), shared);
      expect(report).toContain('版本：第2版');
      const row = report.split('\n').find((line) => line.includes('工作小组成员名单.csv'));
      expect(row, report).toBeDefined();
      expect(row).toContain('甲镇');
      expect(row).toContain(`${Buffer.byteLength(content)} 字节`);
      expect(row).toContain('已存档');
      const fileRef = /sha256:[0-9a-f]{64}/.exec(row ?? '')?.[0];

      // The office on host B fetches the file host A's clerk submitted, byte for byte.
      const out = path.join(folders.work, 'fetched-on-b');
      const fetched = await cli(host('b'), ['download', fileRef ?? '', '--out', out, '--json'], shared);
      expect(fetched.code, fetched.stderr).toBe(0);
      const file = (JSON.parse(fetched.stdout) as { file: string }).file;
      expect(path.basename(file)).toBe('工作小组成员名单.csv');
      expect(fs.readFileSync(file, 'utf8')).toBe(content);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);

      // Host A reads the notifications host B's worker wrote: one log, in the database.
      const log = await cli(host('a'), ['notifications', plan.campaign.id, '--json'], shared);
      expect(log.code, log.stderr).toBe(0);
      const entries = (JSON.parse(log.stdout) as { entries: { kind: string; subject: string }[] }).entries;
      expect(entries.filter((e) => e.kind === 'report_ready').map((e) => e.subject)).toEqual(
        expect.arrayContaining([expect.stringContaining('第2版')]),
      );

      for (const folder of [folders.a, folders.b]) {
        for (const kept of ['reports', 'outbox', 'notifications', 'deliveries']) {
          expect(fs.existsSync(path.join(folder, kept)), `${folder}/${kept}`).toBe(false);
        }
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await Promise.all(
        [campaignId, ...plan.units.map((u) => unitWorkflowId(plan.campaign.id, u.id))].map((id) =>
          client.workflow
            .getHandle(id)
            .terminate('test over')
            .catch(() => undefined),
        ),
      );
    }
  });

  it('says which file is unknown, and names the database when it cannot be reached', async () => {
    const env: CliEnv = { taskQueue: uniqueId('attach'), dataDir: folders.work };
    const unknown = `sha256:${'0'.repeat(64)}`;
    const missing = await cli(env, ['download', unknown, '--json'], { DATABASE_URL: db.url });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({
      error: { type: 'not_found', message: `no stored file with reference ${unknown}` },
    });

    const malformed = await cli(env, ['download', 'sha256:abc'], { DATABASE_URL: db.url });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('<ref>: a reference looks like sha256:<64 hex digits>');

    // A port nothing listens on: the sentence names the database, not Temporal.
    const nowhere = 'postgres://postgres@127.0.0.1:9/postgres';
    const away = await cli(env, ['download', unknown], { DATABASE_URL: nowhere });
    expect(away.code).toBe(3);
    expect(away.stderr).toContain('cannot reach the campaign database (PostgreSQL 127.0.0.1:9/postgres)');
    expect(away.stderr).not.toContain('Temporal');
  });
});

/**
 * The Markdown of revision 2, found as the office would: the report mail in the (shared) outbox
 * names the files by reference, and `campaign download` on a host fetches them.
 */
async function revisionTwoMarkdown(
  url: string,
  campaignId: string,
  env: CliEnv,
  extra: Record<string, string>,
): Promise<string> {
  const stores = await createPgStores({ url, poolSize: 1, patienceMs: 5_000 });
  try {
    const log = await eventually(
      () => stores.notifications.read(campaignId),
      (entries) => entries.some((e) => e.kind === 'report_ready' && e.subject.includes('第2版') && e.file),
      { what: 'the mail about revision 2 of the phase report', timeoutMs: 30_000, intervalMs: 250 },
    );
    const entry = log.find((e) => e.kind === 'report_ready' && e.subject.includes('第2版'));
    const eml = await stores.outbox.read(entry?.file ?? '');
    expect(eml, entry?.file).toBeDefined();
    const mail = parseMail(eml!.toString('utf8'));
    const md = mail.text.split('\n').find((line) => line.includes('-mobilise-report-r2.md'));
    const ref = /sha256:[0-9a-f]{64}/.exec(md ?? '')?.[0];
    expect(ref, mail.text).toBeDefined();
    const out = path.join(os.tmpdir(), uniqueId('report'));
    try {
      const fetched = await cli(env, ['download', ref!, '--out', out, '--json'], extra);
      expect(fetched.code, fetched.stderr).toBe(0);
      return fs.readFileSync((JSON.parse(fetched.stdout) as { file: string }).file, 'utf8');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  } finally {
    await stores.close();
  }
}
