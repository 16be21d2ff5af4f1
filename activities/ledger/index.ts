import type { LedgerImportContext } from './ledger-cells';
import type { LedgerParseResult } from './ledger-rows';
import { readLedgerCsvFile } from './parse-ledger-csv';
import { readLedgerXlsxFile } from './parse-ledger-xlsx';

export type { LedgerCell, LedgerImportContext } from './ledger-cells';
export type { LedgerParseResult, RowError } from './ledger-rows';
export { exportLedgerCsv, exportLedgerXlsx, writeLedgerFile, type ExportOptions } from './export-ledger';
export { parseLedgerCsv, readLedgerCsvFile } from './parse-ledger-csv';
export { parseLedgerXlsx, readLedgerXlsxFile } from './parse-ledger-xlsx';

/** Reads a `.csv` or `.xlsx` ledger, chosen by the file's extension. */
export async function readLedgerFile(path: string, context: LedgerImportContext): Promise<LedgerParseResult> {
  if (/\.xlsx$/i.test(path)) return readLedgerXlsxFile(path, context);
  if (/\.csv$/i.test(path)) return readLedgerCsvFile(path, context);
  return {
    ok: false,
    errors: [{ row: 1, column: '', reason: `cannot tell the format of "${path}": use .csv or .xlsx` }],
  };
}
