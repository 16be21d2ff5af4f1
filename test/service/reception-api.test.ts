import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceptionsView } from '../../contracts/reception-api';
import { addDays, instantToLocal } from '../../domain/calendar/local-time';
import { uniqueId } from '../helpers/temporal';
import { writeDailyReceptionPlan } from '../support/reception-plan';
import { cliEnv, startWorker, type RunningWorker } from '../cli/support/cli';
import type { Browser } from 'playwright-core';
import { credentialFileName, credentialsDir } from '../../client/access/credential-files';
import { launchBrowser, screenshot } from '../console/support/browser';
import { signInThroughPage, startConsoleServer, type ConsoleServer } from '../console/support/console-server';
import { credentialOf, signIn, startWithCredentials } from './support/service-harness';

/**
 * Reception days (领导接访日) over the JSON API and in the console (real Chromium), against a real
 * dev server and a real worker: a live receptions-only programme around today, two leaders in turn
 * (liu yesterday, chen today, liu tomorrow, chen the day after). Leaders and the office read the
 * rota as posted, a leader names a substitute, the leader on duty records today from the page; a
 * unit reads nothing, a leader off duty records nothing.
 */
const env = cliEnv();
const id = uniqueId('svc-receptions');
const today = instantToLocal(Date.now(), 'Asia/Shanghai').date;
const tomorrow = addDays(today, 1);
let worker: RunningWorker;
let h: ConsoleServer;
let browser: Browser;

type Who = Awaited<ReturnType<typeof signIn>>;
const base = `/api/campaigns/${id}/receptions`;
const get = (url: string, who: Who) => h.app.inject({ method: 'GET', url, headers: who.headers });
const post = (url: string, who: Who, payload: object) =>
  h.app.inject({ method: 'POST', url, headers: who.headers, payload });
const as = (principal: 'office' | 'leader:liu' | 'leader:chen' | 'leader:wang' | 'unit:school') =>
  signIn(h.app, credentialOf(env, id, principal));

beforeAll(async () => {
  [worker, h, browser] = await Promise.all([startWorker(env), startConsoleServer(env), launchBrowser()]);
  await startWithCredentials(
    env,
    writeDailyReceptionPlan(env.dataDir, id, today, { start: '00:00', end: '23:59' }),
    id,
  );
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
  await worker?.stop();
  fs.rmSync(env.dataDir, { recursive: true, force: true });
});

describe('reception days over the service', () => {
  it('shows leaders the posted rota, and names a substitute before the day', async () => {
    const [office, liu] = await Promise.all([as('office'), as('leader:liu')]);
    const before = await get(`${base}?from=${today}&to=${tomorrow}`, office);
    expect(before.statusCode).toBe(200);
    const view = before.json<ReceptionsView>();
    expect(view.headers).toEqual(['日期', '星期', '类型', '接访领导', '职务', '地点', '时间', '备注']);
    const [daily] = view.programmes;
    expect(daily).toMatchObject({ programmeId: 'daily', programmeName: '领导接待日', today, paused: false });
    expect(daily?.receptions.map((r) => [r.date, r.status, r.onDuty])).toEqual([
      [today, 'today', 'leader:chen'],
      [tomorrow, 'upcoming', 'leader:liu'],
    ]);

    const named = await post(`${base}/daily/substitute`, liu, {
      date: tomorrow,
      substitute: 'wang',
      reason: '赴市开会',
    });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toMatchObject({ date: tomorrow, leaderId: 'wang', name: '王海燕', rosteredName: '刘建国' });
    const after = (await get(`${base}?from=${tomorrow}&to=${tomorrow}`, liu)).json<ReceptionsView>();
    const row = after.programmes[0]?.receptions[0];
    expect(row).toMatchObject({ onDuty: 'leader:wang', substituted: true });
    expect(row?.cells.slice(3, 5)).toEqual(['王海燕', '副局长']);
    expect(row?.cells[7]).toBe('补位：王海燕代刘建国接访');
  });

  it('refuses a record from a leader off duty, naming who is on duty', async () => {
    const wang = await as('leader:wang');
    const offDuty = await post(`${base}/daily/record`, wang, { noVisitors: true });
    expect(offDuty.statusCode).toBeGreaterThanOrEqual(400);
    expect(offDuty.statusCode).toBeLessThan(500);
    expect(offDuty.body).toContain('陈立华');
  });

  it('lets the leader on duty record "no visitors" and name a substitute from the console page', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const file = path.join(credentialsDir(env.dataDir, id), credentialFileName('leader:chen'));
      await signInThroughPage(page, h.url, { file });
      await page.click('[data-test=nav-receptions]');
      await page.waitForURL(/\/receptions$/);
      const todayRow = page.locator(`[data-test=reception-${today}]`);
      await expect(todayRow.textContent()).resolves.toContain('今日接访');
      // Tomorrow is liu's: chen has no form there.
      await expect(page.locator(`[data-test=reception-${tomorrow}] form`).count()).resolves.toBe(0);
      await todayRow.locator('[data-test=record-none] button').click();
      await page.waitForSelector('.flash.ok');
      await expect(page.locator('.flash.ok').textContent()).resolves.toContain(`${today}：今日无来访，已登记`);
      await expect(page.locator(`[data-test=reception-${today}]`).textContent()).resolves.toMatch(
        /已接访\s*今日无来访/,
      );
      const later = page.locator(`[data-test=reception-${addDays(today, 2)}]`);
      await later.locator('[data-test=substitute-open] summary').click();
      await later.locator('select[name=substitute]').selectOption('wang');
      await later.locator('input[name=reason]').fill('下乡督导');
      await later.locator('[data-test=substitute] button').click();
      await page.waitForSelector('.flash.ok');
      const after = await page.locator(`[data-test=reception-${addDays(today, 2)}]`).textContent();
      expect(after).toContain('王海燕');
      expect(after).toContain('补位：王海燕代陈立华接访');
      await screenshot(page, 'reception-days-leader');
    } finally {
      await context.close();
    }
    const row = (await get(`${base}?from=${today}&to=${today}`, await as('office'))).json<ReceptionsView>()
      .programmes[0]?.receptions[0];
    expect(row).toMatchObject({ status: 'held', noVisitors: true, visitors: 0 });
  });

  it('refuses a body that records neither visitors nor none, naming the field, and a unit any of it', async () => {
    const [office, unit] = await Promise.all([as('office'), as('unit:school')]);
    const neither = await post(`${base}/daily/record`, office, { noVisitors: false });
    expect(neither.statusCode).toBe(400);
    expect(neither.body).toContain('visitors');
    const badDate = await get(`${base}?from=2026-02-30`, office);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('from');
    const unitRead = await get(base, unit);
    expect(unitRead.statusCode).toBe(403);
    const unitWrite = await post(`${base}/daily/record`, unit, { noVisitors: true });
    expect(unitWrite.statusCode).toBe(403);
    const missing = await post(`${base}/nope/record`, office, { noVisitors: true });
    expect(missing.statusCode).toBe(404);
  });
});
