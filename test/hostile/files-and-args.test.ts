import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLedgerXlsx } from '../../activities/ledger';
import { checkSubmission, mediaTypeFor } from '../../activities/reports/report-limits';
import { dateArg, dueArg, idArg, idListArg } from '../../client/args';
import { CliError, EXIT } from '../../client/errors';
import { countyContext } from '../domain/cases/case-fixture';

const RUNS = 200;
const HEADER = [
  '序号',
  '编号',
  '信访人',
  '联系方式',
  '反映问题',
  '问题类别',
  '重点标识',
  '承办单位',
  '包案领导',
  '具体责任人',
  '稳控责任人',
  '办结时限',
  '工作要求',
];

function expectRowErrors(result: Awaited<ReturnType<typeof parseLedgerXlsx>>): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(error.row).toBeGreaterThanOrEqual(1);
    expect(error.reason.length).toBeGreaterThan(0);
  }
}

describe('the XLSX ledger parser under hostile input', () => {
  it('answers bytes that are no workbook with a row error, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        expectRowErrors(await parseLedgerXlsx(bytes, countyContext));
      }),
      { numRuns: 50 },
    );
    // A zip that is not a workbook.
    expectRowErrors(await parseLedgerXlsx(Buffer.from('PK\u0003\u0004garbage'), countyContext));
  });

  it('answers a real workbook with hostile cells with filings or row errors naming the row', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.integer(),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.date({ noInvalidDate: true }),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 6 }), async (rows) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('台帐');
        sheet.addRow(HEADER);
        for (const row of rows) sheet.addRow(row);
        const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
        expectRowErrors(await parseLedgerXlsx(bytes, countyContext));
      }),
      { numRuns: 30 },
    );
  });
});

describe('report files under hostile names and sizes', () => {
  it('accepts or refuses every set of files with a sentence, never an exception', () => {
    const file = fc.record({
      name: fc.string({ maxLength: 80 }),
      size: fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER)),
    });
    fc.assert(
      fc.property(fc.array(file, { maxLength: 8 }), (files) => {
        const attachments = files.map((f) => ({ ...f, mediaType: mediaTypeFor(f.name) ?? 'application/octet-stream' }));
        const check = checkSubmission(attachments);
        if (!check.ok) expect(check.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('CLI arguments under hostile input', () => {
  const parsers: [string, (value: string) => unknown][] = [
    ['--unit', (v) => idArg(v, '--unit')],
    ['--due', (v) => dueArg(v, '--due')],
    ['--date', (v) => dateArg(v, '--date')],
    ['--units', (v) => idListArg(v, '--units')],
  ];
  it.each(parsers)('%s takes a value or refuses it as a usage error naming the option', (option, parse) => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', ' ', ',', '2026-02-30')),
        (value) => {
          try {
            parse(value);
          } catch (error) {
            expect(error).toBeInstanceOf(CliError);
            expect((error as CliError).exitCode).toBe(EXIT.usage);
            expect((error as CliError).message).toContain(option);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['--due', (v: string) => dueArg(v, '--due')],
    ['--date', (v: string) => dateArg(v, '--date')],
  ])('%s refuses a day the calendar does not have', (option, parse) => {
    for (const day of ['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01']) {
      expect(() => parse(day), day).toThrow(CliError);
      expect(() => parse(day), day).toThrow(option);
    }
    // A leap year's 29 February is a day.
    expect(parse('2028-02-29')).toBe('2028-02-29');
  });

  it('--due refuses a time on a day the calendar does not have', () => {
    expect(() => dueArg('2026-02-30T18:00:00+08:00', '--due')).toThrow('--due');
    expect(dueArg('2026-04-20T18:00:00+08:00', '--due')).toBe('2026-04-20T18:00:00+08:00');
  });
});
