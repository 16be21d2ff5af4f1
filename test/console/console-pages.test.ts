import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialFileName, credentialsDir } from '../../client/access/credential-files';
import { asOfNow, campaignStatusQuery, campaignWorkflowId, fileCasesUpdate } from '../../contracts';
import { holderAccess } from '../../service/service-context';
import { testClient, uniqueId } from '../helpers/temporal';
import { eventually } from '../support/eventually';
import { cliEnv, startWorker, type RunningWorker } from '../cli/support/cli';
import { credentialOf, startWithCredentials, writeServicePlan } from '../service/support/service-harness';
import { launchBrowser, PHONE, screenshot, SCREENSHOT_DIR } from './support/browser';
import { signInThroughPage, startConsoleServer, type ConsoleServer } from './support/console-server';

/**
 * The console in real Chromium against the real service, dev server and worker process. Two
 * campaigns: `id`, a rehearsal at ten real minutes a plan day (nothing falls due while the test
 * runs), and `pastId`, live on dates gone by (overdue from the start, then waiting for approval).
 */
const env = cliEnv();
const id = uniqueId('web');
const pastId = uniqueId('web-past');
const rehearsalId = uniqueId('web-rehearsal');
let worker: RunningWorker;
let server: ConsoleServer;
let browser: Browser;

const credentialFile = (campaignId: string, principal: Parameters<typeof credentialFileName>[0]) =>
  path.join(credentialsDir(env.dataDir, campaignId), credentialFileName(principal));

async function campaignAt(campaignId: string, phaseId: string) {
  const client = await testClient();
  return eventually(
    () => client.workflow.getHandle(campaignWorkflowId(campaignId)).query(campaignStatusQuery, asOfNow()),
    (s) => s.currentPhase?.id === phaseId && s.units.length === 2,
    { what: `${campaignId} in phase ${phaseId}`, intervalMs: 300 },
  );
}

async function withPage<T>(fn: (page: Page, context: BrowserContext) => Promise<T>, phone = false): Promise<T> {
  const context = await browser.newContext(phone ? { viewport: PHONE, isMobile: true, hasTouch: true } : {});
  try {
    return await fn(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** How long each page took to load, kept beside the screenshots (the issue asks for under a second). */
const timings: Record<string, number> = {};
async function recordTiming(page: Page, name: string): Promise<void> {
  // A string, run in the page: the browser's performance API, not Node's types.
  timings[name] = Number(
    await page.evaluate('Math.round(performance.getEntriesByType("navigation")[0]?.duration ?? -1)'),
  );
}

beforeAll(async () => {
  const plan = writeServicePlan(env.dataDir, 'web-plan');
  [worker, server, browser] = await Promise.all([startWorker(env), startConsoleServer(env), launchBrowser()]);
  await Promise.all([startWithCredentials(env, plan, id, 600), startWithCredentials(env, plan, pastId)]);
  await campaignAt(id, 'mobilise');
});

afterAll(async () => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOT_DIR, 'page-load-ms.json'), `${JSON.stringify(timings, null, 2)}\n`);
  const client = await testClient();
  for (const c of [id, pastId, rehearsalId]) {
    await client.workflow
      .getHandle(campaignWorkflowId(c))
      .terminate('test over')
      .catch(() => undefined);
  }
  await browser?.close();
  await server?.close();
  await worker?.stop();
  fs.rmSync(env.dataDir, { recursive: true, force: true });
});

describe('the web console', () => {
  it('a leader signs in on a phone, sees the grid and who is late, and approves a phase', async () => {
    await campaignAt(pastId, 'accept');
    await withPage(async (page) => {
      await signInThroughPage(page, server.url, { file: credentialFile(pastId, 'leader:head') });
      expect(page.url()).toContain(`/console/c/${pastId}/leader`);
      await expect.poll(() => page.locator('[data-test=grid] td[data-colour=red]').count()).toBe(4);
      // Every date has gone by: both towns owe both reports.
      const towns = await page.locator('[data-test=overdue] tbody tr').allInnerTexts();
      expect(towns.join('\n')).toMatch(/甲镇[\s\S]*乙镇|乙镇[\s\S]*甲镇/);
      expect(await page.locator('[data-test=published]').innerText()).toContain('数据发布于');
      expect(await page.locator('[data-test=timeline] .bar').count()).toBe(2);
      await screenshot(page, 'leader-campaign-phone');
      await recordTiming(page, 'leader-campaign');
      await page.fill('[data-test=approve-form] input[name=comment]', '同意验收');
      await Promise.all([page.waitForURL(/\/leader$/), page.click('[data-test=approve-form] button')]);
      const flash = await page.locator('.flash').innerText();
      expect(flash).toContain('phase accept approved');
      await screenshot(page, 'leader-approved-phone');
    }, true);
  });

  it("a leader's refused decision is shown in words, naming the field", async () => {
    await withPage(async (page) => {
      await signInThroughPage(page, server.url, { file: credentialFile(id, 'leader:head') });
      // The rehearsal's first phase closes by its window, not by approval: nothing to decide yet.
      expect(await page.locator('[data-test=decide]').innerText()).toContain('当前没有待审批的阶段');
      // A return needs a reason; the form posted without one comes back with the field named.
      const csrf = await page.locator('input[name=_csrf]').first().inputValue();
      const response = await page.request.post(`${server.url}/console/c/${id}/return`, {
        form: { _csrf: csrf, phaseId: 'mobilise', units: 'town-a', reason: '', newDue: '2026-05-01' },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(303);
      await page.goto(`${server.url}/console/c/${id}/leader?lang=en`);
      expect(await page.locator('.flash.refused').innerText()).toContain('form.reason');
      expect(await page.locator('h2').first().innerText()).toBe('Phases');
      await screenshot(page, 'leader-refusal-english');
    });
  });

  it('a clerk signs in, submits a file and sees it on time, and notes progress on a case', async () => {
    const office = holderAccess(server.ctx, credentialOf(env, id, 'office'));
    await (
      await office.unit(id, 'town-a')
    ).executeUpdate(fileCasesUpdate, {
      args: [
        {
          filings: [
            {
              title: '征地补偿',
              category: 'law-related',
              petitioner: { name: '张三丰', contact: '13800000000' },
              owningUnit: 'town-a',
              owningLeader: { name: '组长', leaderId: 'head' },
              handler: '王干事',
              stabilityOfficer: '赵所长',
              deadline: '2026-07-15',
              requirements: '依法解决',
            },
          ],
          by: 'office',
        },
      ],
    });
    await withPage(async (page) => {
      const text = fs.readFileSync(credentialFile(id, 'unit:town-a'), 'utf8');
      await signInThroughPage(page, server.url, { text });
      expect(page.url()).toContain(`/console/c/${id}/units/town-a`);
      const row = page.locator('[data-test=obligations] tr[data-key=members]');
      expect(await row.getAttribute('data-state')).toBe('open');
      await screenshot(page, 'unit-before-submit');
      await recordTiming(page, 'unit-page');
      await page.selectOption('[data-test=submit] select[name=key]', 'members');
      await page.setInputFiles('[data-test=submit] input[name=files]', {
        name: '成员名单.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('姓名,职务\n张三,组长\n'),
      });
      await Promise.all([page.waitForURL(/\/units\/town-a$/), page.click('[data-test=submit] button')]);
      expect(await page.locator('.flash.ok').innerText()).toContain('按时报送');
      expect(await row.getAttribute('data-state')).toBe('on-time');
      expect(await page.locator('[data-test=unit-log]').innerText()).toContain(
        'submitted "工作小组成员名单" (on time)',
      );
      // The owed list refreshes itself: the same section, asked for alone.
      const part = await page.request.get(`${page.url()}?part=owed`);
      expect(await part.text()).toMatch(/^<section[^>]*id="owed"[\s\S]*data-state="on-time"/);
      await screenshot(page, 'unit-submitted');
    });
  });

  it("a unit cannot open another unit's page: 403, and the attempt is audited", async () => {
    await withPage(async (page) => {
      await signInThroughPage(page, server.url, { file: credentialFile(id, 'unit:town-a') });
      const response = await page.goto(`${server.url}/console/c/${id}/units/town-b`);
      expect(response?.status()).toBe(403);
      expect(await page.locator('[data-test=forbidden]').innerText()).toContain('无权查看此页面');
      const leaderPage = await page.goto(`${server.url}/console/c/${id}/leader`);
      expect(leaderPage?.status()).toBe(403);
      const credentials = await page.request.get(`${server.url}/console/c/${id}/office/credentials/office`);
      expect(credentials.status()).toBe(403);
      await screenshot(page, 'unit-forbidden');
    });
    const audit = await server.ctx.stores.audit.read(id);
    expect(audit.some((e) => e.actor === 'unit:town-a' && e.action.startsWith('refused:'))).toBe(true);
  });

  it('the office uploads a broken plan and sees every issue with its line, then a good one, and starts a rehearsal', async () => {
    await withPage(async (page) => {
      await signInThroughPage(page, server.url, { file: credentialFile(id, 'office') });
      expect(page.url()).toContain(`/console/c/${id}/office`);
      expect(await page.locator('[data-test=audit]').innerText()).toMatch(/office\s+sign-in/);
      const good = fs.readFileSync(writeServicePlan(env.dataDir, 'good-plan'), 'utf8');
      const broken = good.replace('due: 2026-04-13', 'due: 2026-13-45').replace('gate: approval', 'gate: sometimes');
      await page.setInputFiles('[data-test=plan-check] input[name=plan]', {
        name: 'broken.yaml',
        mimeType: 'application/yaml',
        buffer: Buffer.from(broken),
      });
      await Promise.all([page.waitForLoadState(), page.click('[data-test=plan-check] button')]);
      const errors = await page.locator('[data-test=errors] li').allInnerTexts();
      expect(errors.length).toBeGreaterThanOrEqual(2);
      expect(errors.every((e) => /第\d+行/.test(e))).toBe(true);
      expect(errors.join('\n')).toContain('gate');
      await screenshot(page, 'office-broken-plan');
      await page.setInputFiles('[data-test=plan-check] input[name=plan]', {
        name: 'good.yaml',
        mimeType: 'application/yaml',
        buffer: Buffer.from(good),
      });
      await Promise.all([page.waitForLoadState(), page.click('[data-test=plan-check] button')]);
      expect(await page.locator('[data-test=plan-result]').getAttribute('data-ok')).toBe('yes');
      await screenshot(page, 'office-good-plan');
      await page.fill('[data-test=start-rehearsal] input[name=campaignId]', rehearsalId);
      await page.fill('[data-test=start-rehearsal] input[name=daySeconds]', '600');
      await page.setInputFiles('[data-test=start-rehearsal] input[name=plan]', {
        name: 'good.yaml',
        mimeType: 'application/yaml',
        buffer: Buffer.from(good),
      });
      await Promise.all([
        page.waitForURL(new RegExp(`/console/c/${rehearsalId}/office$`)),
        page.click('[data-test=start-rehearsal] button'),
      ]);
      expect(await page.locator('.flash.ok').innerText()).toContain(`rehearsal ${rehearsalId} started`);
      // The office now acts in the rehearsal, and hands each holder its own credential file.
      expect(await page.locator('header .who').innerText()).toContain(rehearsalId);
      const holders = await page.locator('[data-test=credentials] li').allInnerTexts();
      expect(holders).toEqual(expect.arrayContaining(['office', 'leader:head', 'unit:town-a', 'unit:town-b']));
      await screenshot(page, 'office-rehearsal-started');
      const handOut = await page.request.get(`${server.url}/console/c/${rehearsalId}/office/credentials/unit:town-a`);
      expect(handOut.headers()['content-disposition']).toContain('unit-town-a.credential.json');
      expect(await handOut.json()).toMatchObject({ campaignId: rehearsalId, principal: 'unit:town-a' });
      const status = await campaignAt(rehearsalId, 'mobilise');
      expect(status.rehearsal).toBe(true);
      await Promise.all([page.waitForURL(/\/office$/), page.click('[data-test=pause] button')]);
      expect(await page.locator('.flash.ok').innerText()).toMatch(/paused/i);
      // Cancelling needs a reason: the campaign's refusal, in its words, and the rehearsal runs on.
      await Promise.all([page.waitForURL(/\/office$/), page.click('[data-test=cancel] button')]);
      expect(await page.locator('.flash.refused').innerText()).toContain('reason');
      expect((await campaignAt(rehearsalId, 'mobilise')).status).toBe('running');
      await screenshot(page, 'office-controls');
    });
  });

  it('with no worker running, the leader page still shows what the campaign published', async () => {
    await worker.stop();
    await withPage(async (page) => {
      await signInThroughPage(page, server.url, { file: credentialFile(id, 'leader:head') });
      expect(await page.locator('[data-test=glance] h1').innerText()).toBe('服务演练');
      expect(await page.locator('[data-test=published]').innerText()).toContain('数据发布于');
      expect(await page.locator('main').innerText()).toContain('暂时无法读取各单位明细');
      await screenshot(page, 'leader-no-worker');
    });
  });
});
