import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLedgerFile, writeLedgerFile } from '../../activities/ledger';
import { EXPORT_HEADERS, exportLedgerCsv } from '../../activities/ledger/export-ledger';
import { readCsv as parseCsv } from '../../activities/csv/csv-format';
import { applyCaseEvent, fileCases } from '../../domain/cases/case-ledger';
import type { CaseEventInput } from '../../domain/cases/case-events';
import type { Case, CaseLedger } from '../../domain/cases/case-schema';
import { DAY, FILED_AT, completeReport, countyContext, emptyLedger } from '../domain/cases/case-fixture';

const FIXTURE = path.join(__dirname, '../fixtures/ledgers/county-ledger.csv');

async function workedLedger(): Promise<CaseLedger> {
  const parsed = await readLedgerFile(FIXTURE, countyContext);
  if (!parsed.ok) throw new Error('fixture does not import');
  const filed = fileCases(
    emptyLedger(),
    parsed.filings.map((f) => f.filing),
    'office',
    FILED_AT,
  );
  if (!filed.ok) throw new Error('fixture does not file');
  const events: CaseEventInput[] = [
    { type: 'submitClosure', caseId: 'case-0001', by: '东方镇', report: completeReport() },
    { type: 'accept', caseId: 'case-0001', by: '信访局' },
    { type: 'transfer', caseId: 'case-0006', by: '信访局', toUnit: 'court', reason: '已进入诉讼程序' },
    { type: 'nextSteps', caseId: 'case-0012', by: '东方镇', text: '继续帮扶，9月底前再次回访' },
  ];
  return events.reduce((ledger, event, i) => {
    const outcome = applyCaseEvent(ledger, event, FILED_AT + (i + 1) * DAY);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.ledger;
  }, filed.ledger);
}

/** What a ledger file can carry of a case; status and history stay with the workflow. */
const filedFields = (c: Case) => ({
  id: c.id,
  externalRef: c.externalRef,
  title: c.title,
  category: c.category,
  priority: c.priority,
  petitioner: c.petitioner,
  owningUnit: c.owningUnit,
  owningLeader: c.owningLeader,
  handler: c.handler,
  stabilityOfficer: c.stabilityOfficer,
  deadline: c.deadline,
  requirements: c.requirements,
  source: c.source,
});

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ledger-export-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('exporting the ledger', () => {
  it('survives an XLSX round trip: export, then import into a fresh ledger', async () => {
    const ledger = await workedLedger();
    const file = path.join(dir, 'round-trip.xlsx');
    await writeLedgerFile(ledger, file, { asOfMs: FILED_AT });
    const parsed = await readLedgerFile(file, countyContext);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const again = fileCases(
      emptyLedger(),
      parsed.filings.map((f) => f.filing),
      'office',
      FILED_AT,
    );
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.ledger.cases.map(filedFields)).toEqual(ledger.cases.map(filedFields));
  });

  it('writes the deadline as a real date cell and the status in Chinese', async () => {
    const file = path.join(dir, 'cells.xlsx');
    await writeLedgerFile(await workedLedger(), file);
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(file);
    const sheet = workbook.getWorksheet('台帐');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(EXPORT_HEADERS);
    const cell = (name: string, row: number) => sheet?.getRow(row).getCell(EXPORT_HEADERS.indexOf(name) + 1).value;
    expect(cell('办结时限', 2)).toEqual(new Date('2008-07-15T00:00:00Z'));
    expect([cell('状态', 2), cell('回访意见', 2), cell('状态', 3)]).toEqual(['已销号', '同意', '办理中']);
  });

  it('is recognised case by case when the export is imported into the same ledger', async () => {
    const ledger = await workedLedger();
    const file = path.join(dir, 'same.xlsx');
    await writeLedgerFile(ledger, file);
    const parsed = await readLedgerFile(file, countyContext);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const again = fileCases(
      ledger,
      parsed.filings.map((f) => f.filing),
      'office',
      FILED_AT,
    );
    expect(again).toMatchObject({ ok: true, filed: [] });
    expect(again.ok && again.duplicates).toHaveLength(12);
  });

  it('writes CSV in UTF-8 with a byte-order mark so Excel shows the Chinese', async () => {
    const file = path.join(dir, 'ledger.csv');
    await writeLedgerFile(await workedLedger(), file);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parseCsv(bytes.toString('utf8'));
    expect(parsed.ok && parsed.records[0]).toEqual(EXPORT_HEADERS);
    expect(parsed.ok && parsed.records).toHaveLength(13);
  });

  it('imports its own CSV export again', async () => {
    const ledger = await workedLedger();
    const file = path.join(dir, 'again.csv');
    await writeLedgerFile(ledger, file);
    const parsed = await readLedgerFile(file, countyContext);
    expect(parsed.ok && parsed.filings.map((f) => f.filing.id)).toEqual(ledger.cases.map((c) => c.id));
  });

  it('masks the petitioner and leaves out the contact when personal data is withheld', async () => {
    const text = exportLedgerCsv(await workedLedger(), { includePersonalData: false });
    expect(text).not.toContain('13800000001');
    expect(text).toContain('李**');
  });

  it('marks overdue cases as of the time given', async () => {
    const parsed = parseCsv(exportLedgerCsv(await workedLedger(), { asOfMs: Date.parse('2008-07-01T09:00:00+08:00') }));
    const rows = parsed.ok ? parsed.records.slice(1) : [];
    const overdueRefs = rows.filter((r) => r[EXPORT_HEADERS.indexOf('是否超期')] === '超期').map((r) => r[1]);
    expect(overdueRefs).toEqual([
      'BY-2008-002',
      'BY-2008-004',
      'BY-2008-006',
      'BY-2008-008',
      'BY-2008-009',
      'BY-2008-010',
    ]);
  });
});
