import { stat } from 'node:fs/promises';
import { readBoundedFile } from '../../activities/files/bounded-file';
import type ExcelJS from 'exceljs';
import { decodeLedgerBytes } from '../../activities/ledger/parse-ledger-csv';
import { plainCell } from '../../activities/ledger/parse-ledger-xlsx';
import type { ScoreRow } from '../../domain/assessment/score-sheet';
import { CliError, EXIT, usageError } from '../errors';
import { csvRecords } from './csv-records';

/**
 * A score sheet from a .csv or .xlsx file: a header row naming the columns assessor, unit, item
 * and score (or 评委, 单位/班级, 项目, 得分/分数), then one score per row. Rows keep the numbers a
 * spreadsheet shows, so "row 7" is row 7 when the clerk opens the file.
 */

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 100_000;

const HEADERS: Record<keyof Omit<ScoreRow, 'row'>, string[]> = {
  assessor: ['assessor', '评委', '评委姓名', '考核人', '评分人'],
  unit: ['unit', 'entrant', '单位', '班级', '参评单位', '参赛单位', '参评对象'],
  item: ['item', '项目', '评分项目', '考核项目'],
  score: ['score', '得分', '分数', '评分'],
};

type Cell = string | number | boolean | Date | null | undefined;

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  // String(9.15) is "9.15": the shortest text of the double Excel stored, i.e. what the clerk typed.
  return cell instanceof Date ? cell.toISOString() : String(cell).trim();
}

function columnsOf(header: Cell[], file: string): Record<keyof typeof HEADERS, number> {
  const names = header.map((cell) => text(cell).toLowerCase());
  const columns = {} as Record<keyof typeof HEADERS, number>;
  for (const [key, aliases] of Object.entries(HEADERS) as [keyof typeof HEADERS, string[]][]) {
    const index = names.findIndex((name) => aliases.includes(name));
    if (index < 0) {
      throw new CliError(
        `${file}: the first row has no column for ${aliases[0]} (${aliases.slice(1, 3).join(' / ')})`,
        EXIT.failed,
        'the first row names the columns: assessor, unit, item, score (评委, 单位, 项目, 得分)',
        'bad_score_file',
      );
    }
    columns[key] = index;
  }
  return columns;
}

/** Rows of cells (row 1 the header) to score rows; blank rows are skipped. */
export function scoreRows(rows: { row: number; cells: Cell[] }[], file: string): ScoreRow[] {
  const [header, ...body] = rows;
  if (!header) throw new CliError(`${file} is empty`, EXIT.failed, undefined, 'bad_score_file');
  if (body.length > MAX_ROWS) throw new CliError(`${file} has more than ${MAX_ROWS} rows`, EXIT.failed);
  const at = columnsOf(header.cells, file);
  return body
    .filter(({ cells }) => cells.some((cell) => text(cell) !== ''))
    .map(({ row, cells }) => ({
      row,
      assessor: text(cells[at.assessor]),
      unit: text(cells[at.unit]),
      item: text(cells[at.item]),
      score: text(cells[at.score]),
    }));
}

async function xlsxRows(bytes: Buffer, file: string): Promise<{ row: number; cells: Cell[] }[]> {
  // Loaded on use: exceljs takes over half a second to load, which every CLI start would pay.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw new CliError(`${file} is not a readable Excel workbook (.xlsx)`, EXIT.failed, undefined, 'bad_score_file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CliError(`${file} has no worksheet`, EXIT.failed, undefined, 'bad_score_file');
  const rows: { row: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let col = 1; col <= row.cellCount; col += 1) cells.push(plainCell(row.getCell(col).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

export async function readScoreFile(file: string): Promise<ScoreRow[]> {
  if (!/\.(csv|xlsx)$/i.test(file)) throw usageError(`${file}: give scores as a .csv or .xlsx file`);
  const size = await stat(file).then(
    (s) => s.size,
    () => undefined,
  );
  if (size === undefined) throw new CliError(`cannot read ${file}: there is no such file`, EXIT.failed);
  if (size > MAX_BYTES) throw new CliError(`${file} is larger than 10 MB`, EXIT.failed);
  // Bounded again while reading: the file may grow after the check above, or be a FIFO.
  const bytes = await readBoundedFile(file, MAX_BYTES);
  if (/\.xlsx$/i.test(file)) return scoreRows(await xlsxRows(bytes, file), file);
  const csv = csvRecords(decodeLedgerBytes(bytes));
  if (!csv.ok) throw new CliError(`${file} is not a readable CSV file: ${csv.reason}`, EXIT.failed);
  return scoreRows(
    csv.records.map((cells, i) => ({ row: i + 1, cells })),
    file,
  );
}
