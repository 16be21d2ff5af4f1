import { readCsv } from '../csv/csv-format';
import { FILE_LIMITS, readBoundedFile } from '../files/bounded-file';
import type { LedgerImportContext } from './ledger-cells';
import { rowsToFilings, type LedgerParseResult, type SheetRow } from './ledger-rows';

/**
 * Excel on a Chinese Windows saves "CSV" in GB18030 (GBK) unless told otherwise; anything that is
 * not valid UTF-8 is read that way, so both kinds of file import without asking the clerk.
 */
export function decodeLedgerBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function parseLedgerCsv(text: string, context: LedgerImportContext): LedgerParseResult {
  const csv = readCsv(text);
  if (!csv.ok) return { ok: false, errors: [{ row: csv.row, column: '', reason: csv.reason }] };
  const rows: SheetRow[] = csv.records.map((cells, i) => ({ row: i + 1, cells }));
  return rowsToFilings(rows, context);
}

export async function readLedgerCsvFile(path: string, context: LedgerImportContext): Promise<LedgerParseResult> {
  return parseLedgerCsv(decodeLedgerBytes(await readBoundedFile(path, FILE_LIMITS.ledgerCsv)), context);
}
