import { writeFile } from 'node:fs/promises';
import { writeCsv } from '../../activities/csv/csv-format';
import { escapeHtml } from '../../activities/notify/templates/format';
import { ROTA_HEADERS, type RotaRow } from '../../domain/receptions/rota-view';

/** The published rota as files: CSV and XLSX for the office, an HTML page for posting (公示). */

/** The project's one CSV writer: UTF-8 with a byte-order mark, CRLF, formulas neutralised. */
export function rotaCsv(rows: RotaRow[]): string {
  return writeCsv([[...ROTA_HEADERS], ...rows.map((r) => r.cells)]);
}

export async function rotaXlsx(rows: RotaRow[], title: string): Promise<Uint8Array> {
  // Loaded on use: exceljs takes over half a second to load, which every CLI start would pay.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet('接访安排表', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([...ROTA_HEADERS]).font = { bold: true };
  for (const row of rows) sheet.addRow(row.cells);
  sheet.columns.forEach((column, i) => {
    column.width = [12, 6, 18, 10, 16, 22, 13, 30][i] ?? 12;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface RotaPage {
  title: string;
  organiser: string;
  rule: string;
  rows: RotaRow[];
}

/** A self-contained page (no scripts, no external assets) the office can print or post. */
export function rotaHtml(page: RotaPage): string {
  const head = ROTA_HEADERS.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = page.rows
    .map((row) => `<tr>${row.cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(page.title)}</title>
<style>
body { font-family: "Songti SC", "SimSun", serif; margin: 2em auto; max-width: 60em; }
h1 { text-align: center; font-size: 1.6em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 0.3em 0.5em; text-align: center; }
p.note { margin-top: 1em; }
p.by { text-align: right; margin-top: 2em; }
</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<p class="note">备注：${escapeHtml(page.rule)}</p>
<p class="by">${escapeHtml(page.organiser)}</p>
</body>
</html>
`;
}

export async function writeRotaFile(kind: 'csv' | 'xlsx' | 'html', file: string, page: RotaPage): Promise<void> {
  if (kind === 'csv') await writeFile(file, rotaCsv(page.rows), 'utf8');
  else if (kind === 'xlsx') await writeFile(file, await rotaXlsx(page.rows, page.title));
  else await writeFile(file, rotaHtml(page), 'utf8');
}
