import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLedgerFile } from '../../activities/ledger';
import type { LedgerParseResult } from '../../activities/ledger/ledger-rows';
import { parseLedgerCsv } from '../../activities/ledger/parse-ledger-csv';
import { fileCases } from '../../domain/cases/case-ledger';
import { FILED_AT, countyContext, emptyLedger } from '../domain/cases/case-fixture';

const FIXTURE = path.join(__dirname, '../fixtures/ledgers/county-ledger.csv');
const HEADER =
  '序号,编号,信访人,联系方式,反映问题,问题类别,重点标识,承办单位,包案领导,具体责任人,稳控责任人,办结时限,工作要求';

function filings(result: LedgerParseResult) {
  if (!result.ok) throw new Error(`expected the ledger to import: ${JSON.stringify(result.errors)}`);
  return result.filings;
}

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\r\n');
}

const row = (n: number, overrides: Partial<Record<'unit' | 'category' | 'deadline' | 'flags' | 'name', string>> = {}) =>
  [
    n,
    `BY-${n}`,
    overrides.name ?? `信访人${n}`,
    '13800000000',
    `反映问题${n}`,
    overrides.category ?? '热点难点问题',
    overrides.flags ?? '重复访',
    overrides.unit ?? '东方镇',
    '赵立军',
    '张明',
    '刘强',
    overrides.deadline ?? '2008-07-15',
    '限期办结',
  ].join(',');

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ledger-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('importing the county ledger', () => {
  it('reads all twelve cases below the title row', async () => {
    const result = await readLedgerFile(FIXTURE, countyContext);
    expect(result).toMatchObject({ ok: true, headerRow: 2 });
    expect(filings(result).map((f) => f.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('maps unit and category names to ids, and marks to priority flags', async () => {
    const [first, second, third] = filings(await readLedgerFile(FIXTURE, countyContext)).map((f) => f.filing);
    expect(first).toMatchObject({
      externalRef: 'BY-2008-001',
      owningUnit: 'town-dongfang',
      category: 'hot-issue',
      priority: ['repeated', 'over-level'],
      petitioner: { name: '李某某', contact: '13800000001' },
      owningLeader: { name: '赵立军' },
      source: 'ledger-import',
    });
    expect(second).toMatchObject({
      category: 'repeated-petition',
      priority: ['collective', 'repeated', 'beijing-bound'],
    });
    expect(second?.requirements).toContain('\n');
    expect(second?.deadline).toBe('2008-06-30');
    expect(third).toMatchObject({ owningUnit: 'court', category: 'law-related', deadline: '2008-07-10' });
  });

  it('files the imported cases into the ledger', async () => {
    const outcome = fileCases(
      emptyLedger(),
      filings(await readLedgerFile(FIXTURE, countyContext)).map((f) => f.filing),
      'office',
      FILED_AT,
    );
    expect(outcome).toMatchObject({ ok: true, duplicates: [] });
    expect(outcome.ok && outcome.filed).toHaveLength(12);
  });

  it('imports a generated ledger of a thousand rows', async () => {
    const units = ['东方镇', 'court', '县公安局', 'town-chengdong'];
    const rows = Array.from({ length: 1000 }, (_, i) => row(i + 1, { unit: units[i % units.length] ?? '东方镇' }));
    const file = path.join(dir, 'thousand.csv');
    await writeFile(file, `\uFEFF${csv(...rows)}\r\n`, 'utf8');
    const result = filings(await readLedgerFile(file, countyContext));
    expect(result).toHaveLength(1000);
    expect(result.at(-1)).toMatchObject({ row: 1001, filing: { owningUnit: 'town-chengdong' } });
    const outcome = fileCases(
      emptyLedger(),
      result.map((f) => f.filing),
      'office',
      FILED_AT,
      { notify: false },
    );
    expect(outcome.ok && outcome.ledger.cases.length).toBe(1000);
  });

  it('accepts English headers', () => {
    const text = [
      'Ref,Petitioner,Issue,Category,Priority,Unit,Leader,Handler,Stability officer,Deadline,Requirements',
      'R1,Li,Land dispute,hot-issue,"collective, repeated",court,leader-zhao,Zhang,Liu,2008-07-15,Hear the petitioner again',
    ].join('\n');
    expect(filings(parseLedgerCsv(text, countyContext))[0]?.filing).toMatchObject({
      owningUnit: 'court',
      priority: ['collective', 'repeated'],
    });
  });

  it('reads a deadline written without a year when the plan gives one', () => {
    const text = csv(row(1, { deadline: '7月15日前' }));
    expect(parseLedgerCsv(text, countyContext)).toMatchObject({ ok: false, errors: [{ row: 2, column: '办结时限' }] });
    expect(filings(parseLedgerCsv(text, { ...countyContext, defaultYear: 2008 }))[0]?.filing.deadline).toBe(
      '2008-07-15',
    );
  });
});

describe('a ledger with bad rows', () => {
  const text = csv(
    row(1),
    row(2, { unit: '西关镇' }),
    row(3),
    row(4, { deadline: '2008-02-30', flags: '集体访、上访' }),
    row(5, { name: '', category: '天气' }),
  );

  it('imports nothing and lists each bad row with its row number and column', () => {
    const result = parseLedgerCsv(text, countyContext);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '承办单位'],
      [5, '办结时限'],
      [5, '重点标识'],
      [6, '信访人'],
      [6, '问题类别'],
    ]);
    expect(errors.map((e) => e.reason)).toEqual([
      expect.stringContaining('"西关镇" is not a unit') as string,
      expect.stringContaining('not a day in the calendar') as string,
      'unknown mark "上访"',
      'is empty',
      expect.stringContaining('"天气" is not a category') as string,
    ]);
  });

  it('names a required column that the file lacks', () => {
    const withoutDeadline = HEADER.replace(',办结时限', '');
    expect(parseLedgerCsv(`${withoutDeadline}\n`, countyContext)).toEqual({
      ok: false,
      errors: [{ row: 1, column: '办结时限', reason: 'column missing' }],
    });
  });

  it('says so when it finds no header row at all', () => {
    expect(parseLedgerCsv('a,b,c\n1,2,3', countyContext)).toMatchObject({ ok: false, errors: [{ row: 1 }] });
  });

  it('flags a case typed twice in the same file', () => {
    const twice = csv(row(1), row(2, { name: '信访人1' }).replace('BY-2', 'BY-1'));
    expect(parseLedgerCsv(twice, countyContext)).toMatchObject({
      ok: false,
      errors: [{ row: 3, column: '编号', reason: expect.stringContaining('repeats row 2') as string }],
    });
  });
});

describe('re-importing a ledger', () => {
  it('recognises every row already filed and files nothing twice', async () => {
    const rows = filings(await readLedgerFile(FIXTURE, countyContext)).map((f) => f.filing);
    const first = fileCases(emptyLedger(), rows, 'office', FILED_AT);
    if (!first.ok) throw new Error('first import failed');
    const again = fileCases(first.ledger, rows, 'office', FILED_AT + 1000);
    expect(again).toMatchObject({ ok: true, filed: [], commands: [] });
    expect(again.ok && again.duplicates.map((d) => d.caseId)).toEqual(first.filed);
    expect(again.ok && again.ledger.cases).toHaveLength(12);
  });

  it('files only the new rows of a ledger sent again with new issues', () => {
    const before = fileCases(
      emptyLedger(),
      filings(parseLedgerCsv(csv(row(1), row(2)), countyContext)).map((f) => f.filing),
      'office',
      FILED_AT,
    );
    if (!before.ok) throw new Error('first import failed');
    const resent = filings(parseLedgerCsv(csv(row(1), row(2), row(3)), countyContext)).map((f) => f.filing);
    const after = fileCases(before.ledger, resent, 'office', FILED_AT);
    expect(after).toMatchObject({ ok: true, filed: ['case-0003'], duplicates: [{ index: 0 }, { index: 1 }] });
  });

  it('recognises a row whose number was left out by its unit, petitioner and issue', () => {
    const first = fileCases(
      emptyLedger(),
      filings(parseLedgerCsv(csv(row(1)), countyContext)).map((f) => f.filing),
      'office',
      FILED_AT,
    );
    if (!first.ok) throw new Error('first import failed');
    const unnumbered = csv(row(1).replace('BY-1', '').replace('反映问题1', ' 反映问题 1 '));
    const again = fileCases(
      first.ledger,
      filings(parseLedgerCsv(unnumbered, countyContext)).map((f) => f.filing),
      'office',
      FILED_AT,
    );
    expect(again).toMatchObject({ ok: true, filed: [], duplicates: [{ index: 0, caseId: 'case-0001' }] });
  });
});
