import { chmod, writeFile } from 'node:fs/promises';
import { formatInstant } from '../../domain/calendar/local-time';
import type { Case, CaseLedger, CaseStatus } from '../../domain/cases/case-schema';
import { isOverdue } from '../../domain/cases/ledger-stats';
import { writeCsv, type CsvCell } from '../csv/csv-format';
import type { LedgerCell } from './ledger-cells';
import { LEDGER_COLUMNS, priorityWord, sourceWord, type LedgerField } from './ledger-columns';

/**
 * Writes the ledger the way offices keep it: the import headers (so an exported file imports
 * again) followed by status and closure columns. The 系统编号 column carries the ledger id, which
 * lets a re-import recognise every case even after it was transferred to another unit.
 */

export interface ExportOptions {
  /** Leave out the petitioner's contact and mask the name (张**), for ledgers shared beyond the office. */
  includePersonalData?: boolean;
  /** Fill the 是否超期 column as of this plan time; left empty without it. */
  asOfMs?: number;
}

const INPUT_FIELDS: LedgerField[] = LEDGER_COLUMNS.map((c) => c.field);
const STATUS_HEADERS = ['状态', '是否超期', '销号时间', '回访意见', '下一步工作措施', '退回次数'] as const;
export const EXPORT_HEADERS = [...LEDGER_COLUMNS.map((c) => c.zh), ...STATUS_HEADERS];

const STATUS_WORDS: Record<CaseStatus, string> = { open: '办理中', 'closure-submitted': '待销号', closed: '已销号' };
const OPINION_WORDS = { agree: '同意', disagree: '不同意', refused: '拒签' } as const;

const mask = (name: string) => (name.length <= 1 ? name : `${name.slice(0, 1)}${'*'.repeat(name.length - 1)}`);

function inputCell(ledger: CaseLedger, c: Case, field: LedgerField, index: number, personal: boolean): string {
  const { context } = ledger;
  switch (field) {
    case 'seq':
      return String(index + 1);
    case 'id':
      return c.id;
    case 'externalRef':
      return c.externalRef ?? '';
    case 'petitioner':
      return personal ? c.petitioner.name : mask(c.petitioner.name);
    case 'contact':
      return personal ? (c.petitioner.contact ?? '') : '';
    case 'category':
      return context.categories.find((k) => k.id === c.category)?.name ?? c.category;
    case 'priority':
      return c.priority.map(priorityWord).join('、');
    case 'owningUnit':
      return context.units.find((u) => u.id === c.owningUnit)?.name ?? c.owningUnit;
    case 'owningLeader':
      // A leader the plan does not list keeps their email in the cell, so re-import can still reach them.
      return c.owningLeader.email !== undefined && c.owningLeader.leaderId === undefined
        ? `${c.owningLeader.name} <${c.owningLeader.email}>`
        : c.owningLeader.name;
    case 'source':
      return sourceWord(c.source);
    case 'title':
    case 'description':
    case 'handler':
    case 'stabilityOfficer':
    case 'deadline':
    case 'requirements':
      return c[field] ?? '';
  }
}

/** One row per case, in ledger order, as plain cells (strings, or a number for 退回次数). */
export function ledgerRows(ledger: CaseLedger, options: ExportOptions = {}): LedgerCell[][] {
  const personal = options.includePersonalData !== false;
  const { timeZone } = ledger.context;
  return ledger.cases.map((c, i) => [
    ...INPUT_FIELDS.map((field) => inputCell(ledger, c, field, i, personal)),
    STATUS_WORDS[c.status],
    options.asOfMs !== undefined && isOverdue(c, options.asOfMs) ? '超期' : '',
    c.closedAtMs === undefined ? '' : formatInstant(c.closedAtMs, timeZone, 'zh'),
    c.closure ? OPINION_WORDS[c.closure.followUp.opinion] : '',
    c.nextSteps?.text ?? '',
    c.returns,
  ]);
}

/** Through the project's one CSV writer: Excel-safe encoding, and no cell can run as a formula. */
export function exportLedgerCsv(ledger: CaseLedger, options: ExportOptions = {}): string {
  return writeCsv([EXPORT_HEADERS, ...ledgerRows(ledger, options).map((row) => row.map(csvCell))]);
}

function csvCell(cell: LedgerCell): CsvCell {
  return cell instanceof Date ? cell.toISOString() : typeof cell === 'boolean' ? String(cell) : cell;
}

const DATE_COLUMN = EXPORT_HEADERS.indexOf('办结时限') + 1;

export async function exportLedgerXlsx(ledger: CaseLedger, options: ExportOptions = {}): Promise<Uint8Array> {
  // Loaded on use: exceljs takes over half a second to load, which every CLI start would pay.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet('台帐', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(EXPORT_HEADERS).font = { bold: true };
  for (const cells of ledgerRows(ledger, options)) {
    const row = sheet.addRow(cells);
    const deadline = row.getCell(DATE_COLUMN);
    // A real date cell sorts and filters in Excel; exceljs stores it as the UTC calendar day.
    if (typeof deadline.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(deadline.value)) {
      deadline.value = new Date(`${deadline.value}T00:00:00Z`);
      deadline.numFmt = 'yyyy-mm-dd';
    }
  }
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(40, Math.max(8, (EXPORT_HEADERS[i]?.length ?? 4) * 2 + 4));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * Writes an exported ledger. Unmasked names and contacts are for the office only: such a file is
 * the user's alone (0600). A file that was there already keeps its old mode through writeFile.
 */
export async function writeExportFile(
  path: string,
  contents: Uint8Array | string,
  personalData: boolean,
): Promise<void> {
  const mode = personalData ? 0o600 : 0o644;
  await writeFile(path, contents, typeof contents === 'string' ? { encoding: 'utf8', mode } : { mode });
  await chmod(path, mode);
}

/** Writes `.csv` or `.xlsx`, chosen by the file's extension. */
export async function writeLedgerFile(ledger: CaseLedger, path: string, options: ExportOptions = {}): Promise<void> {
  const personalData = options.includePersonalData !== false;
  if (/\.xlsx$/i.test(path)) await writeExportFile(path, await exportLedgerXlsx(ledger, options), personalData);
  else if (/\.csv$/i.test(path)) await writeExportFile(path, exportLedgerCsv(ledger, options), personalData);
  else throw new Error(`cannot tell the format of "${path}": use a .csv or .xlsx file name`);
}
