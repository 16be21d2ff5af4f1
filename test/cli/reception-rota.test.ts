import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { campaign, cliEnv } from './support/cli';

const env = cliEnv();
afterAll(() => fs.rmSync(env.dataDir, { recursive: true, force: true }));
const plan = path.resolve(__dirname, '../../examples/reception-days.yaml');

describe('campaign receptions rota (no server)', () => {
  it('prints the month’s table after 遇节假日顺延 and writes CSV, XLSX and a page for posting', async () => {
    const csv = path.join(env.dataDir, 'rota.csv');
    const xlsx = path.join(env.dataDir, 'rota.xlsx');
    const html = path.join(env.dataDir, 'rota.html');
    const result = await campaign(env, [
      'receptions',
      'rota',
      plan,
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--csv',
      csv,
      '--xlsx',
      xlsx,
      '--html',
      html,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /2026-10-08 +周四 +局领导信访接待日 +赵明 +副局长 +区教育局一楼会议室 +08:30–17:30 +原定2026-10-01，遇节假日顺延/,
    );
    expect(result.stdout).toContain('3 reception(s)');
    expect(fs.readFileSync(csv, 'utf8').split('\r\n')[1]).toBe(
      '2026-10-08,周四,局领导信访接待日,赵明,副局长,区教育局一楼会议室,08:30–17:30,原定2026-10-01，遇节假日顺延',
    );
    const page = fs.readFileSync(html, 'utf8');
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<td>2026-10-16</td><td>周五</td>');
    expect(page).toContain('每月1日、16日，遇节假日顺延');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(3).getCell(1).value).toBe('2026-10-08');
    expect(sheet.rowCount).toBe(5);
  });

  it('gives the whole year as JSON', async () => {
    const result = await campaign(env, ['receptions', 'rota', plan, '--programme', 'bureau-reception', '--json']);
    const body = JSON.parse(result.stdout) as { receptions: { date: string; rostered: { leaderId: string } }[] };
    expect(body.receptions).toHaveLength(24);
    expect(body.receptions[0]).toMatchObject({ date: '2026-01-04', rostered: { leaderId: 'secretary-liu' } });
  });

  it('refuses a programme the plan does not have, in one sentence', async () => {
    const result = await campaign(env, ['receptions', 'rota', plan, '--programme', 'nope']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has no reception programme "nope"');
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
