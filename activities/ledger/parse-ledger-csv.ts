import { readFile } from 'node:fs/promises';
import type { LedgerImportContext } from './ledger-cells';
import { rowsToFilings, type LedgerParseResult, type SheetRow } from './ledger-rows';

/**
 * CSV ledgers. A small RFC 4180 reader (quoted fields with embedded commas, quotes and newlines;
 * CRLF, LF or CR line ends; a UTF-8 byte-order mark) instead of a dependency. Records are numbered
 * the way a spreadsheet shows them: a quoted field spanning lines is still one row.
 */

export type CsvResult = { ok: true; records: string[][] } | { ok: false; row: number; reason: string };

export function parseCsv(text: string): CsvResult {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let atFieldStart = true;
  const endField = () => {
    record.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i];
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else inQuotes = false;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (ch === ',') endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i += 1;
      endRecord();
    } else {
      // Lenient like Excel: a quote inside an unquoted field is an ordinary character.
      field += ch;
      atFieldStart = false;
    }
  }
  if (inQuotes) return { ok: false, row: records.length + 1, reason: 'a quoted field is never closed (missing ")' };
  // A final line end does not start another record.
  if (field !== '' || record.length > 0) endRecord();
  return { ok: true, records };
}

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
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, errors: [{ row: csv.row, column: '', reason: csv.reason }] };
  const rows: SheetRow[] = csv.records.map((cells, i) => ({ row: i + 1, cells }));
  return rowsToFilings(rows, context);
}

export async function readLedgerCsvFile(path: string, context: LedgerImportContext): Promise<LedgerParseResult> {
  return parseLedgerCsv(decodeLedgerBytes(await readFile(path)), context);
}
