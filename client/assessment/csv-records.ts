import { parse } from 'csv-parse/sync';

/**
 * A CSV text as records of strings, through csv-parse: quoted fields with commas, quotes and line
 * breaks, a byte-order mark, rows of uneven length kept. One small function,
 * so the project's CSV reader can be swapped in here without touching the score sheet.
 */
export type CsvRecords = { ok: true; records: string[][] } | { ok: false; reason: string };

export function csvRecords(text: string): CsvRecords {
  try {
    const records: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
    return { ok: true, records };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) };
  }
}
