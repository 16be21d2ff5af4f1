import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../activities/csv/csv-format';
import { readLedgerFile } from '../../activities/ledger';
import { EXPORT_HEADERS, exportLedgerCsv } from '../../activities/ledger/export-ledger';
import { compileCampaignReport } from '../../activities/reports';
import { rotaCsv } from '../../client/receptions/rota-files';
import { ROTA_HEADERS } from '../../domain/receptions/rota-view';
import { fileCases } from '../../domain/cases/case-ledger';
import { FILED_AT, countyContext, emptyLedger } from '../domain/cases/case-fixture';

const FIXTURE = path.join(__dirname, '../fixtures/ledgers/county-ledger.csv');
const FORMULA = '=HYPERLINK("http://evil.example","点我")';

const records = (text: string) => {
  const result = readCsv(text);
  if (!result.ok) throw new Error(result.reason);
  return result.records;
};

describe('the CSV writer', () => {
  it('defuses every formula start (= + - @, fullwidth too, tab, CR) so a spreadsheet shows the text', () => {
    const hostile = [
      "=cmd|' /C calc'!A0",
      '=HYPERLINK("http://x","点我")',
      '+1+2',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '＝1',
    ];
    const [row] = records(writeCsv([hostile]));
    expect(row).toEqual(hostile.map((cell) => `'${cell}`));
  });

  it('leaves ordinary text, dates and numbers alone, negative numbers included', () => {
    expect(records(writeCsv([['甲镇', '2026-04-12', 3, -3, '', null]]))).toEqual([
      ['甲镇', '2026-04-12', '3', '-3', '', ''],
    ]);
  });

  it('quotes commas, quotes, line breaks and edge blanks, and reads back what it wrote', () => {
    const cells = ['甲,乙', '他说"不同意"', '第一行\n第二行', 'a\rb', ' 前后空格 '];
    expect(records(writeCsv([cells]))).toEqual([cells]);
  });

  it('writes UTF-8 with a byte-order mark and CRLF, as Excel on Chinese Windows needs', () => {
    expect(writeCsv([['a'], ['b']])).toBe('\uFEFFa\r\nb\r\n');
  });
});

describe('every CSV export goes through it', () => {
  it("the ledger export defuses a petitioner's formula, masked or not", async () => {
    const parsed = await readLedgerFile(FIXTURE, countyContext);
    if (!parsed.ok) throw new Error('fixture does not import');
    const filed = fileCases(
      emptyLedger(),
      parsed.filings.map((f, i) => (i === 0 ? { ...f.filing, title: FORMULA, handler: '-1+1' } : f.filing)),
      'office',
      FILED_AT,
    );
    if (!filed.ok) throw new Error('fixture does not file');
    for (const includePersonalData of [true, false]) {
      const rows = records(exportLedgerCsv(filed.ledger, { includePersonalData }));
      const first = rows[1] ?? [];
      expect(first[EXPORT_HEADERS.indexOf('反映问题')]).toBe(`'${FORMULA}`);
      expect(first[EXPORT_HEADERS.indexOf('具体责任人')]).toBe(`'-1+1`);
    }
  });

  it('the campaign report defuses a unit name that is a formula', () => {
    const { csv } = compileCampaignReport({
      campaignId: 'c',
      campaignTitle: 't',
      rehearsal: false,
      timeZone: 'Asia/Shanghai',
      generatedAt: '2026-07-31T10:00:00Z',
      phases: [
        {
          phaseId: 'p',
          phaseName: '@宣传',
          rows: [{ unitId: 'u', unitName: FORMULA, deliverableId: 'd', deliverableTitle: '+名单', state: 'missing' }],
        },
      ],
    });
    const [, row] = records(csv);
    expect(row?.slice(0, 4)).toEqual(["'@宣传", 'u', `'${FORMULA}`, "'+名单"]);
  });
});

describe('the published rota as CSV', () => {
  it('goes through the same writer: BOM, CRLF, quoted commas, and a formula in a place shown as text', () => {
    const cells = ['2026-03-02', '一', '信访接待室', '张局长', '', '09:00-12:00', '', FORMULA];
    const text = rotaCsv([{ id: 'r1', programmeId: 'p', date: '2026-03-02', cells }]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const [header, row] = records(text);
    expect(header).toEqual([...ROTA_HEADERS]);
    expect(row?.[2]).toBe('信访接待室');
    expect(row?.[7]).toBe(`'${FORMULA}`);
  });
});
