import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV reader and the one CSV writer of the project (ledger import, ledger export, the
 * campaign report), both on csv-parse / csv-stringify, so every file is quoted and read the same way.
 */

export type CsvResult = { ok: true; records: string[][] } | { ok: false; row: number; reason: string };

/**
 * RFC 4180 with what spreadsheets produce: a byte-order mark, CRLF, LF or CR line ends, rows of
 * different lengths, and (like Excel) a quote inside an unquoted field read as an ordinary character.
 * Records are numbered the way a spreadsheet shows them: a quoted field spanning lines is one row,
 * and an empty line is kept as a record so the numbers still match.
 */
export function readCsv(text: string): CsvResult {
  try {
    // The byte-order mark is dropped here: csv-parse's own `bom` option throws on some string inputs.
    const records: string[][] = parse(text.startsWith('\uFEFF') ? text.slice(1) : text, {
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    });
    return { ok: true, records: records.map((record) => (record.length === 0 ? [''] : record)) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = (typeof error.records === 'number' ? error.records : 0) + 1;
    const reason = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed (missing ")' : error.message;
    return { ok: false, row, reason };
  }
}

export type CsvCell = string | number | null | undefined;

/**
 * CSV that Excel on Chinese Windows opens correctly: UTF-8 with a byte-order mark (without it Excel
 * reads GBK and garbles) and CRLF. A cell starting with = + - @ (or their fullwidth forms), a tab or
 * a carriage return is prefixed with ' so that a petitioner's "=HYPERLINK(…)" is shown, never run
 * (OWASP "CSV injection"); numbers are left alone.
 */
export function writeCsv(rows: readonly (readonly CsvCell[])[]): string {
  const body = stringify(
    rows.map((row) => row.map((cell) => cell ?? '')),
    // Any line break, and leading or trailing blanks (which Excel would trim), are quoted.
    { escape_formulas: true, record_delimiter: '\r\n', eof: true, quoted_match: [/[\r\n]/, /^\s|\s$/] },
  );
  return `\uFEFF${body}`;
}
