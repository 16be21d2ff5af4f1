import { describe, expect, it } from 'vitest';
import { safeBlock, safeCell, safeJson } from '../../client/output/safe-text';
import { displayWidth, renderTable, truncate } from '../../client/output/table';

describe('terminal widths of Chinese text', () => {
  it.each([
    ['甲镇', 4],
    ['城关镇人民政府', 14],
    ['（一）', 6],
    ['town-a', 6],
    ['张三 <a@b.org>', 14],
    ['ｆｕｌｌ', 8],
    ['한국', 4],
    ['e\u0301', 1],
    ['👍', 2],
  ])('%s takes %i columns', (text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });

  it('lines up a table of Chinese and Latin cells: every row as wide on screen as the header', () => {
    const table = renderTable(
      [{ header: '单位' }, { header: 'state' }, { header: '逾期', align: 'right' }],
      [
        ['城关镇人民政府', 'late', '3天'],
        ['edu', '按时上报', '12'],
        ['河口镇（试点）', 'ok', ''],
      ],
    );
    const lines = table.split('\n');
    const starts = (line: string, cell: string) =>
      displayWidth(line.slice(0, line.indexOf(cell))) + (cell === '  ─' ? 2 : 0);
    // The second column starts at the same screen column on every line, the rule's included.
    expect(lines.map((line, i) => starts(line, ['state', '  ─', 'late', '按时上报', 'ok'][i] ?? ''))).toEqual([
      16, 16, 16, 16, 16,
    ]);
    // Right-aligned numbers end at the same column.
    expect(displayWidth(lines[2] ?? '')).toBe(displayWidth(lines[3] ?? ''));
  });

  it('cuts a long name at a column count, never in the middle of a character', () => {
    expect(truncate('城关镇人民政府办公室', 9)).toBe('城关镇人…');
    expect(displayWidth(truncate('城关镇人民政府办公室', 9))).toBe(9);
  });
});

describe('control characters in output', () => {
  it('shows ESC, NUL, C1 controls and bidi overrides as visible escapes in a cell', () => {
    expect(safeCell('\x1b[2J\x1b]0;owned\x07a\u0000b\u009bc\u202Ed\u2066e\tf\ng', false)).toBe(
      '\\x1b[2J\\x1b]0;owned\\x07a\\x00b\\x9bc\\u202ed\\u2066e\\x09f\\x0ag',
    );
  });

  it('keeps line breaks, tabs and its own colours in a block, and nothing else', () => {
    expect(safeBlock('\x1b[31merror:\x1b[39m a\x1b[8mhidden\n\tb\u202E', true)).toBe(
      '\x1b[31merror:\x1b[39m a\\x1b[8mhidden\n\tb\\u202e',
    );
    expect(safeBlock('\x1b[31mred\x1b[39m', false)).toBe('\\x1b[31mred\\x1b[39m');
  });

  it('never lets a cell break a table row or take over the terminal', () => {
    const table = renderTable([{ header: '反映问题' }], [['\x1b[1A\x1b[2K伪造\r\n下一行\u202Eevil']]);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(table).not.toMatch(/[\x00-\x09\x0b-\x1f\u202e]/);
    expect(table.split('\n')).toHaveLength(3);
  });

  it('writes JSON whose strings carry C1 controls and bidi overrides as \\u escapes, the same value', () => {
    const value = { title: 'a\u202Eb\u0085c\x1bd' };
    const text = safeJson(value);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(text).not.toMatch(/[\u0080-\u009f\u202e\x1b]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
