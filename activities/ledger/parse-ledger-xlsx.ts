import type ExcelJS from 'exceljs';
import { FILE_LIMITS, readBoundedFile } from '../files/bounded-file';
import { checkZipBounds } from '../files/zip-bounds';
import type { LedgerCell, LedgerImportContext } from './ledger-cells';
import { rowsToFilings, type LedgerParseResult, type SheetRow } from './ledger-rows';

/**
 * XLSX ledgers, read with exceljs. The first worksheet is the ledger unless one is named; rows keep
 * the numbers Excel shows, so an error on row 7 is on row 7 when the clerk opens the file.
 */

type XlsxBytes = Parameters<ExcelJS.Xlsx['load']>[0];

export interface XlsxOptions {
  /** Worksheet name; default the first sheet. */
  sheet?: string;
  /** The most the workbook may unpack to, all entries together. */
  maxUncompressedBytes?: number;
}

/** A 100,000-row ledger unpacks to some 70 MB of sheet XML; past this it is no ledger but a zip bomb. */
export const XLSX_MAX_UNCOMPRESSED_BYTES = 160 * 1024 * 1024;

/** Rich text, hyperlinks and formulas all come down to what the cell displays. */
export function plainCell(value: ExcelJS.CellValue): LedgerCell {
  if (value === null || value === undefined || value instanceof Date) return value;
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return plainCell(value.result);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value && typeof value.error === 'string') return value.error;
  return undefined;
}

export function worksheetRows(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: LedgerCell[] = [];
    // exceljs numbers cells from 1; a missing cell reads as null.
    for (let col = 1; col <= row.cellCount; col += 1) cells.push(plainCell(row.getCell(col).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

export async function parseLedgerXlsx(
  data: Uint8Array,
  context: LedgerImportContext,
  options: XlsxOptions = {},
): Promise<LedgerParseResult> {
  const bounds = await checkZipBounds(Buffer.from(data), options.maxUncompressedBytes ?? XLSX_MAX_UNCOMPRESSED_BYTES);
  if (!bounds.ok)
    return {
      ok: false,
      errors: [{ row: 1, column: '', reason: `not a readable Excel workbook (.xlsx): ${bounds.reason}` }],
    };
  // Loaded on use: exceljs takes over half a second to load, which every CLI start would pay.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer) for the parameter; at run time it takes a Node Buffer.
    await workbook.xlsx.load(Buffer.from(data) as unknown as XlsxBytes);
  } catch (error) {
    // Not a zip, or a zip that is no workbook: the file is the problem, not the program.
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, errors: [{ row: 1, column: '', reason: `not a readable Excel workbook (.xlsx): ${why}` }] };
  }
  const sheet = options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
  if (!sheet) {
    const reason =
      options.sheet === undefined ? 'the workbook has no worksheet' : `no worksheet named "${options.sheet}"`;
    return { ok: false, errors: [{ row: 1, column: '', reason }] };
  }
  return rowsToFilings(worksheetRows(sheet), context);
}

export async function readLedgerXlsxFile(
  path: string,
  context: LedgerImportContext,
  options: XlsxOptions = {},
): Promise<LedgerParseResult> {
  return parseLedgerXlsx(await readBoundedFile(path, FILE_LIMITS.ledgerXlsx), context, options);
}
