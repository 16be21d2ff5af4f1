import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOfNow, campaignStatusQuery, campaignWorkflowId } from '../../contracts';
import { credentialStoreId, recordCredentials } from '../../client/access/credential-registry';
import { testClient, uniqueId } from '../helpers/temporal';
import { eventually } from '../support/eventually';
import { cliEnv, startWorker, type RunningWorker } from '../cli/support/cli';
import {
  credentialOf,
  multipart,
  signIn,
  startHarness,
  startWithCredentials,
  writeServicePlan,
  type Harness,
  type SignedIn,
} from './support/service-harness';

/**
 * The JSON API against a real dev server and a real worker process, as a unit's clerk, a leader
 * and the office use it. Two campaigns, as in the CLI's tests: `id`, a rehearsal at ten real
 * minutes a plan day (nothing falls due while the test runs), and `pastId`, live on dates gone by
 * (overdue from the start, then waiting for the leaders' approval).
 */
const env = cliEnv();
const id = uniqueId('svc');
const pastId = uniqueId('svc-past');
let worker: RunningWorker;
let h: Harness;
let clerkA: SignedIn;
let leader: SignedIn;
let office: SignedIn;

interface AuditBody {
  service: { action: string }[];
  campaign: { total: number; entries: { principal?: string; workflow: string }[] };
}

const base = (campaignId = id) => `/api/campaigns/${campaignId}`;
const get = (url: string, who?: SignedIn) => h.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
const post = (url: string, who: SignedIn, payload: object) =>
  h.app.inject({ method: 'POST', url, headers: who.headers, payload });

beforeAll(async () => {
  const plan = writeServicePlan(env.dataDir, 'svc-plan');
  [worker, h] = await Promise.all([startWorker(env), startHarness(env)]);
  await Promise.all([startWithCredentials(env, plan, id, 600), startWithCredentials(env, plan, pastId)]);
  const client = await testClient();
  // A unit takes submissions once its workflow has opened the first phase.
  await eventually(
    () => client.workflow.getHandle(campaignWorkflowId(id)).query(campaignStatusQuery, asOfNow()),
    (s) => s.currentPhase?.id === 'mobilise' && s.units.length === 2,
    { what: 'the rehearsal to open its first phase', intervalMs: 300 },
  );
  [clerkA, leader, office] = await Promise.all([
    signIn(h.app, credentialOf(env, id, 'unit:town-a')),
    signIn(h.app, credentialOf(env, id, 'leader:head')),
    signIn(h.app, credentialOf(env, id, 'office')),
  ]);
});

afterAll(async () => {
  const client = await testClient();
  for (const c of [id, pastId]) {
    await client.workflow
      .getHandle(campaignWorkflowId(c))
      .terminate('test over')
      .catch(() => undefined);
  }
  await h?.close();
  await worker?.stop();
  fs.rmSync(env.dataDir, { recursive: true, force: true });
});

describe('signing in', () => {
  it('refuses a token the office did not issue, and audits the attempt', async () => {
    const forged = { ...credentialOf(env, id, 'unit:town-a'), token: 'x'.repeat(43) };
    const response = await h.app.inject({ method: 'POST', url: '/api/session', payload: forged });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'credential_invalid' } });
    const audit = await h.ctx.stores.audit.read(id);
    expect(audit.some((e) => e.action === 'sign-in-refused' && e.actor === 'unit:town-a')).toBe(true);
  });

  it('checks a credential the shared store holds, with no credentials folder, and refuses it once revoked', async () => {
    // A holder whose file exists nowhere on this host: only its public half is in the store.
    const elsewhere = { campaignId: id, principal: 'leader:member' as const, token: 'z'.repeat(43) };
    await recordCredentials(h.ctx.stores.credentials, [elsewhere], Date.now());
    const signedIn = await h.app.inject({ method: 'POST', url: '/api/session', payload: elsewhere });
    expect(signedIn.statusCode).toBe(201);
    await h.ctx.stores.credentials.revoke(credentialStoreId(elsewhere), new Date().toISOString());
    const revoked = await h.app.inject({ method: 'POST', url: '/api/session', payload: elsewhere });
    expect(revoked.statusCode).toBe(401);
  });

  it('names the field of a malformed sign-in', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { campaignId: id, principal: 'mayor', token: 'y'.repeat(40) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { field: 'body.principal' } });
  });

  it('sets an HttpOnly, SameSite=Strict, signed cookie and tells the session with its CSRF token', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: credentialOf(env, id, 'unit:town-b'),
    });
    expect(response.statusCode).toBe(201);
    const cookie = response.cookies.find((c) => c.name === 'campaign_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // Signed: the id followed by its signature.
    expect(cookie?.value).toMatch(/^[\w-]+\.[\w+/=-]+$/);
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `campaign_session=${cookie?.value ?? ''}` },
    });
    expect(me.json()).toMatchObject({
      campaignId: id,
      principal: 'unit:town-b',
      csrfToken: expect.any(String) as string,
    });
  });

  it('answers 401 without a session, and with a cookie whose signature is wrong', async () => {
    expect((await get(`${base()}/units/town-a/todo`)).statusCode).toBe(401);
    const tampered = { cookie: `${clerkA.cookie.replace(/\..*$/, '')}.bad` };
    const response = await h.app.inject({ method: 'GET', url: '/api/session', headers: tampered });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'no_session' } });
  });

  it('signs out: the cookie no longer opens anything', async () => {
    const session = await signIn(h.app, credentialOf(env, id, 'unit:town-b'));
    const out = await h.app.inject({ method: 'DELETE', url: '/api/session', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect((await get('/api/session', session)).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: `${base()}/approve`,
      headers: { cookie: leader.cookie },
      payload: { phaseId: 'accept' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'csrf' } });
  });
});

describe('what a unit sees', () => {
  it('lists what it owes, soonest first', async () => {
    const response = await get(`${base()}/units/town-a/todo`, clerkA);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      unitId: 'town-a',
      rows: [{ deliverableId: 'members', state: 'open' }],
    });
  });

  it("refuses another unit's page with a 403 and an audit entry", async () => {
    const response = await get(`${base()}/units/town-b/todo`, clerkA);
    expect(response.statusCode).toBe(403);
    expect(response.json<{ error: { message: string } }>().error.message).toContain('may not see unit town-b');
    const audit = await h.ctx.stores.audit.read(id);
    expect(audit).toContainEqual(
      expect.objectContaining({
        actor: 'unit:town-a',
        action: 'refused:todo',
        detail: expect.stringContaining('town-b') as string,
      }),
    );
  });

  it("refuses the campaign's views to a unit", async () => {
    expect((await get(`${base()}/glance`, clerkA)).statusCode).toBe(403);
    expect((await get(`${base()}/overdue`, clerkA)).statusCode).toBe(403);
  });

  it('answers 404 with a sentence for an unknown unit or campaign', async () => {
    const unit = await get(`${base()}/units/town-z/todo`, leader);
    expect(unit.statusCode).toBe(404);
    expect(unit.json<{ error: { message: string } }>().error.message).toContain('no unit "town-z" takes part');
    const campaign = await get(`${base('no-such-campaign')}/glance`, leader);
    expect(campaign.statusCode).toBe(404);
    expect(campaign.json<{ error: { message: string } }>().error.message).toContain('no campaign "no-such-campaign"');
  });
});

describe('submitting a report with files', () => {
  const submissions = `/api/campaigns/${id}/units/town-a/submissions`;
  /** The names of every file in the report store (the worker's phase reports among them). */
  const storedNames = (): string[] => {
    const root = path.join(env.dataDir, 'reports');
    if (!fs.existsSync(root)) return [];
    return fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .map((f) => (JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) as { name: string }).name);
  };

  it('refuses a file of a refused type with 415, and stores nothing', async () => {
    const form = await multipart({ deliverableId: 'members' }, [{ name: 'setup.exe', bytes: 'MZ' }]);
    const response = await h.app.inject({
      method: 'POST',
      url: submissions,
      ...form,
      headers: { ...form.headers, ...clerkA.headers },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: 'media_type_not_allowed' } });
    expect(storedNames()).not.toContain('setup.exe');
  });

  it('refuses a file over the limit with 413, and stores nothing', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    const form = await multipart({ deliverableId: 'members' }, [{ name: '名单.pdf', bytes: big }]);
    const response = await h.app.inject({
      method: 'POST',
      url: submissions,
      ...form,
      headers: { ...form.headers, ...clerkA.headers },
    });
    expect(response.statusCode).toBe(413);
    expect(storedNames()).not.toContain('名单.pdf');
  });

  it('names the missing field of a form', async () => {
    const form = await multipart({ text: '本周化解3件' }, []);
    const response = await h.app.inject({
      method: 'POST',
      url: submissions,
      ...form,
      headers: { ...form.headers, ...clerkA.headers },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { field: 'form.deliverableId' } });
  });

  it('takes the CSRF token as the first form field, and refuses a form without it', async () => {
    const without = await multipart({ deliverableId: 'members' }, [{ name: 'a.txt', bytes: 'x' }]);
    const refused = await h.app.inject({
      method: 'POST',
      url: submissions,
      payload: without.payload,
      headers: { ...without.headers, cookie: clerkA.cookie },
    });
    expect(refused.statusCode).toBe(403);
    expect(storedNames()).not.toContain('a.txt');
  });

  it('stores the file under a safe name and answers with the receipt: on time', async () => {
    const form = await multipart({ _csrf: clerkA.csrfToken, deliverableId: 'members' }, [
      { name: '../../etc/名单\u0007.txt', bytes: '张三 组长\n李四 联络员\n' },
    ]);
    const response = await h.app.inject({
      method: 'POST',
      url: submissions,
      payload: form.payload,
      headers: { ...form.headers, cookie: clerkA.cookie },
    });
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json<{ onTime: boolean; files: { name: string; ref: string }[] }>();
    expect(receipt).toMatchObject({ unitId: 'town-a', key: 'members', onTime: true });
    expect(receipt.files).toEqual([expect.objectContaining({ name: '名单_.txt' })]);
    const stored = await h.ctx.stores.reports.get(receipt.files[0]?.ref ?? '');
    expect(stored.toString('utf8')).toContain('张三');
    const todo = await get(`${base()}/units/town-a/todo?all=true`, clerkA);
    expect(todo.json()).toMatchObject({ rows: [{ deliverableId: 'members', state: 'on-time' }] });
  });

  it('refuses a submission for another unit with 403, before anything is stored', async () => {
    const form = await multipart({ deliverableId: 'members', text: 'x' }, []);
    const url = `/api/campaigns/${id}/units/town-b/submissions`;
    const response = await h.app.inject({
      method: 'POST',
      url,
      ...form,
      headers: { ...form.headers, ...clerkA.headers },
    });
    expect(response.statusCode).toBe(403);
  });

  it('gives the campaign reason for a second submission as a 409', async () => {
    const form = await multipart({ deliverableId: 'members', text: '重复' }, []);
    const response = await h.app.inject({
      method: 'POST',
      url: submissions,
      ...form,
      headers: { ...form.headers, ...clerkA.headers },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { code: string } }>().error.code).toMatch(/duplicate|already/);
  });
});

describe('cases and personal data', () => {
  it('files a case for a unit, naming a missing field first', async () => {
    const filing = {
      title: '征地补偿',
      category: 'law-related',
      petitioner: { name: '张三丰', contact: '13800000000' },
      owningLeader: { name: '组长', leaderId: 'head' },
      handler: '王干事',
      stabilityOfficer: '赵所长',
      deadline: '2026-07-15',
      requirements: '依法解决',
    };
    const { handler: _handler, ...incomplete } = filing;
    const missing = await post(`${base()}/units/town-a/cases`, office, incomplete);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { field: 'body.handler' } });
    const filed = await post(`${base()}/units/town-a/cases`, office, filing);
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json<{ filed: string[] }>().filed).toHaveLength(1);
  });

  it('shows the petitioner to the owning unit and the case-owning leader, masked to another leader', async () => {
    const own = await get(`${base()}/units/town-a/cases`, clerkA);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject([{ petitioner: { name: '张三丰', contact: '13800000000' } }]);
    expect((await get(`${base()}/units/town-a/cases`, leader)).json()).toMatchObject([
      { petitioner: { name: '张三丰' } },
    ]);
    const member = await signIn(h.app, credentialOf(env, id, 'leader:member'));
    const masked = (await get(`${base()}/units/town-a/cases`, member)).json<{ petitioner: object }[]>();
    expect(masked[0]?.petitioner).toEqual({ name: '张**' });
  });

  it("lets the unit's workflow refuse, with 403 and in its audit log, a closure the unit accepts itself", async () => {
    const cases = (await get(`${base()}/units/town-a/cases`, clerkA)).json<{ id: string }[]>();
    const response = await post(`${base()}/units/town-a/cases/${cases[0]?.id ?? ''}/events`, clerkA, {
      type: 'accept',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json<{ error: { message: string } }>().error.message).toContain('unit:town-a may not accept');
  });

  it('records a note on a case for the unit, and refuses a malformed event naming the field', async () => {
    const cases = (await get(`${base()}/units/town-a/cases`, clerkA)).json<{ id: string }[]>();
    const url = `${base()}/units/town-a/cases/${cases[0]?.id ?? ''}/events`;
    const noted = await post(url, clerkA, { type: 'note', kind: 'talk-record', text: '已约谈信访人' });
    expect(noted.statusCode, noted.body).toBe(200);
    expect(noted.json()).toMatchObject({ status: 'open' });
    const bad = await post(url, clerkA, { type: 'note', kind: 'gossip', text: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'body.kind' } });
  });
});

describe('the case ledger', () => {
  const HEADER =
    '序号,编号,信访人,联系方式,反映问题,问题类别,重点标识,承办单位,包案领导,具体责任人,稳控责任人,办结时限,工作要求';
  const row = (n: number, unit: string, category = '涉法涉诉') =>
    [
      n,
      `LX-${n}`,
      `信访人${n}`,
      '13900000000',
      `反映问题${n}`,
      category,
      '',
      unit,
      '副县长',
      '王干事',
      '李所长',
      '2026-06-15',
      '依法按政策解决',
    ].join(',');
  const csv = (rows: string[]) => `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;
  const importAs = async (who: SignedIn, unitId: string, text: string) => {
    const form = await multipart({}, [{ name: '台帐.csv', bytes: text }]);
    return h.app.inject({
      method: 'POST',
      url: `${base()}/units/${unitId}/ledger-import`,
      payload: form.payload,
      headers: { ...form.headers, ...who.headers },
    });
  };

  it("imports a unit's ledger file, and names the bad row of a broken one with nothing filed", async () => {
    const broken = await importAs(clerkA, 'town-a', csv([row(1, '甲镇'), row(2, '甲镇', '不存在的类别')]));
    expect(broken.statusCode).toBe(422);
    expect(broken.json<{ error: { message: string } }>().error.message).toMatch(
      /台帐\.csv: nothing was imported, 1 problem\(s\): row 3/,
    );
    const imported = await importAs(clerkA, 'town-a', csv([row(1, '甲镇'), row(2, '甲镇')]));
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ filed: 2, duplicates: 0 });
  });

  it('counts the ledger for the campaign and for one unit', async () => {
    const own = await get(`${base()}/units/town-a/ledger/stats`, clerkA);
    expect(own.json()).toMatchObject({ overall: { filed: 3 } });
    expect((await get(`${base()}/units/town-b/ledger/stats`, clerkA)).statusCode).toBe(403);
    // The campaign counts what its units last reported: a moment after the unit's own.
    await eventually(
      () => get(`${base()}/ledger/stats`, leader).then((r) => r.json<{ filed: number }>()),
      (stats) => stats.filed === 3,
      { what: 'the campaign to count three cases', intervalMs: 300 },
    );
  });

  it('exports the ledger masked for a leader, unmasked for the office only', async () => {
    const masked = await get(`${base()}/ledger/export?format=csv`, leader);
    expect(masked.statusCode).toBe(200);
    expect(masked.body).toContain('张**');
    expect(masked.body).not.toContain('张三丰');
    expect((await get(`${base()}/ledger/export?format=csv&personalData=true`, leader)).statusCode).toBe(403);
    const full = await get(`${base()}/ledger/export?format=xlsx&personalData=true`, office);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toContain('spreadsheetml');
    // An XLSX file is a zip: it opens with "PK".
    expect(full.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('what leaders and the office see and do', () => {
  it('reads the glance, the status and the timeline', async () => {
    const glance = await eventually(
      () => get(`${base()}/glance`, leader),
      (r) => r.statusCode === 200,
      { what: 'the glance', intervalMs: 300 },
    );
    expect(glance.json()).toMatchObject({ campaignId: id, units: 2 });
    expect((await get(`${base()}/status`, leader)).json()).toMatchObject({ campaignId: id, status: 'running' });
    expect((await get(`${base()}/timeline`, office)).statusCode).toBe(200);
    expect((await get(`${base()}/units/town-a/timeline`, leader)).statusCode).toBe(200);
  });

  it('lists who is overdue and the escalations of a campaign whose dates have gone by', async () => {
    const pastLeader = await signIn(h.app, credentialOf(env, pastId, 'leader:head'));
    const overdue = await eventually(
      () => get(`${base(pastId)}/overdue`, pastLeader).then((r) => r.json<{ unitId: string; key: string }[]>()),
      (rows) => rows.filter((r) => r.key === 'members').length === 2,
      { what: 'both member lists overdue', intervalMs: 500 },
    );
    const late = overdue.filter((r) => r.key === 'members').map((r) => r.unitId);
    expect(late.sort()).toEqual(['town-a', 'town-b']);
    expect((await get(`${base(pastId)}/escalations`, pastLeader)).statusCode).toBe(200);
  });

  it('refuses a session of one campaign in another with a 403', async () => {
    expect((await get(`${base(pastId)}/overdue`, leader)).statusCode).toBe(403);
  });

  it('gives the campaign reason for an unknown phase as a 409', async () => {
    const response = await post(`${base()}/approve`, leader, { phaseId: 'nope' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'unknown_phase' } });
  });

  it('refuses an approval to a unit before asking the campaign', async () => {
    const response = await post(`${base()}/approve`, clerkA, { phaseId: 'accept' });
    expect(response.statusCode).toBe(403);
  });

  it('names the field of an invalid return', async () => {
    const response = await post(`${base()}/return`, leader, {
      phaseId: 'accept',
      units: [],
      reason: 'x',
      newDue: '2026-05-01',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { field: 'body.units' } });
  });

  it('returns the acceptance phase to a unit, then approves it', async () => {
    const pastLeader = await signIn(h.app, credentialOf(env, pastId, 'leader:head'));
    const client = await testClient();
    await eventually(
      () => client.workflow.getHandle(campaignWorkflowId(pastId)).query(campaignStatusQuery, asOfNow()),
      (s) => s.currentPhase?.id === 'accept',
      { what: 'phase two', intervalMs: 500 },
    );
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const returned = await post(`${base(pastId)}/return`, pastLeader, {
      phaseId: 'accept',
      units: ['town-a'],
      reason: '总结缺数据',
      newDue: due,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json<{ message: string }>().message).toContain('phase accept returned to town-a');
    const approved = await post(`${base(pastId)}/approve`, pastLeader, { phaseId: 'accept' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<{ message: string }>().message).toContain('phase accept approved');
    const timeline = (await get(`${base(pastId)}/timeline`, pastLeader)).json<{ what: string }[]>();
    // Recorded as the session's holder: the caller cannot name someone else.
    expect(timeline.map((e) => e.what)).toContain('phase 总结验收 approved by leader:head');
  });

  it('shows the office the notification log and both audit logs', async () => {
    const notifications = await eventually(
      () => get(`${base()}/notifications?last=50`, office).then((r) => r.json<{ entries: unknown[] }>()),
      (body) => body.entries.length > 0,
      { what: 'a notification in the log', intervalMs: 500 },
    );
    expect(notifications.entries.length).toBeLessThanOrEqual(50);
    // The unit's workflow refused town-a's own acceptance of a closure and reports it to the campaign.
    const body = await eventually(
      () => get(`${base()}/audit`, office).then((r) => r.json<AuditBody>()),
      (b) => b.campaign.total > 0,
      { what: "the unit's refusal in the campaign's audit log", intervalMs: 300 },
    );
    expect(body.campaign.entries).toContainEqual(
      expect.objectContaining({ principal: 'unit:town-a', workflow: 'town-a' }),
    );
    expect(body.service.map((e) => e.action)).toContain('refused:todo');
  });

  it('downloads the campaign report as Markdown and CSV', async () => {
    const md = await get(`${base()}/report?format=md`, office);
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.headers['content-disposition']).toContain(`${id}-report.md`);
    expect(md.body).toContain('服务演练');
    const csv = await get(`${base()}/report?format=csv`, office);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('town-a');
    const bad = await get(`${base()}/report?format=pdf`, office);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'query.format' } });
  });
});

describe("the office's controls", () => {
  it('checks a plan and lists every issue with its line', async () => {
    const text = ['campaign: { id: broken, title: 坏方案 }', 'units: []', 'phases: 3', ''].join('\n');
    const response = await post('/api/plans/validate', office, { text, fileName: '方案.yaml' });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<{ ok: boolean; lines: string[] }>();
    expect(result.ok).toBe(false);
    expect(result.lines.some((line) => /^方案\.yaml:3:\d+/.test(line))).toBe(true);
    expect((await post('/api/plans/validate', clerkA, { text })).statusCode).toBe(403);
  });

  it('lets the office pause and resume reminders; the campaign refuses a leader with 403', async () => {
    expect((await post(`${base()}/pause`, leader, {})).statusCode).toBe(403);
    const paused = await post(`${base()}/pause`, office, {});
    expect(paused.statusCode, paused.body).toBe(200);
    expect((await get(`${base()}/status`, office)).json()).toMatchObject({ paused: true });
    expect((await post(`${base()}/resume`, office, {})).statusCode).toBe(200);
  });

  it("extends a unit's deadline with a reason", async () => {
    const response = await post(`${base()}/units/town-b/extend`, office, {
      deliverableId: 'members',
      newDue: '2026-04-20',
      reason: '乡镇换届',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ key: 'members', dueMs: expect.any(Number) as number });
  });

  it('cancels the campaign with a reason, naming the missing reason first', async () => {
    const missing = await post(`${base()}/cancel`, office, {});
    expect(missing.json()).toMatchObject({ error: { field: 'body.reason' } });
    const cancelled = await post(`${base()}/cancel`, office, { reason: '演练结束' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await get(`${base()}/status`, leader)).json()).toMatchObject({ status: 'cancelled' });
  });
});

describe('the OpenAPI document', () => {
  it('describes every route with the schemas the routes use', async () => {
    const response = await get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/session',
        '/api/campaigns/{campaignId}/units/{unitId}/submissions',
        '/api/campaigns/{campaignId}/approve',
        '/api/campaigns/{campaignId}/units/{unitId}/cases',
      ]),
    );
    expect(JSON.stringify(document.paths['/api/campaigns/{campaignId}/return'])).toContain('"newDue"');
  });
});
