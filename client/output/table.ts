import stringWidth from 'string-width';
import { safeCell } from './safe-text';
import { stripAnsi } from './style';

/**
 * Aligned plain-text tables. Chinese unit names are the norm here, and a CJK character takes two
 * terminal columns, so widths are counted in columns (string-width: East Asian Width, emoji,
 * combining marks), not in string length. Every cell is shown through safeCell, so a control
 * character in the data is printed as a visible escape and can neither act nor break the columns.
 */

/** Terminal columns a string occupies (colour codes take none). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Shortens to at most `width` columns, ending with "…" when something was cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const { segment } of graphemes.segment(stripAnsi(text))) {
    if (displayWidth(out + segment) > width - 1) break;
    out += segment;
  }
  return `${out}…`;
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Cells wider than this are shortened. */
  max?: number;
}

export function renderTable(columns: Column[], rows: string[][]): string {
  const cells = rows.map((row) => columns.map((column, i) => truncate(safeCell(row[i] ?? ''), column.max ?? Infinity)));
  const widths = columns.map((column, i) =>
    Math.max(displayWidth(column.header), ...cells.map((row) => displayWidth(row[i] ?? ''))),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return columns[i]?.align === 'right' ? padStart(cell, width) : padEnd(cell, width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...cells.map(line)].join('\n');
}
