import { describe, expect, it } from 'vitest';
import { readCsv as parseCsv } from '../../activities/csv/csv-format';
import { decodeLedgerBytes } from '../../activities/ledger/parse-ledger-csv';

const records = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.reason);
  return result.records;
};

describe('CSV reader (RFC 4180)', () => {
  it('splits plain fields and records', () => {
    expect(records('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(records('"甲,乙","他说""不同意""","第一行\r\n第二行"\r\nx,y,z')).toEqual([
      ['甲,乙', '他说"不同意"', '第一行\r\n第二行'],
      ['x', 'y', 'z'],
    ]);
  });

  it('drops the byte-order mark and accepts CRLF, LF and CR line ends', () => {
    expect(records('\uFEFF序号,信访人\r\n1,李某\n2,王某\r3,赵某')).toEqual([
      ['序号', '信访人'],
      ['1', '李某'],
      ['2', '王某'],
      ['3', '赵某'],
    ]);
  });

  it('reads any text, even a first character csv-parse mistook for a byte-order mark', () => {
    expect(records('\u0800,b')).toEqual([['\u0800', 'b']]);
  });

  it('keeps empty fields and empty lines, so row numbers match the spreadsheet', () => {
    expect(records('a,,c\n\n,,\n')).toEqual([['a', '', 'c'], [''], ['', '', '']]);
  });

  it('reads a quote inside an unquoted field as an ordinary character, like Excel', () => {
    expect(records('5"寸,b')).toEqual([['5"寸', 'b']]);
  });

  it('reports a quoted field that never closes, with the row it starts on', () => {
    const result = parseCsv('a,b\n1,"open\n2,3');
    expect(result).toMatchObject({ ok: false, row: 2 });
    expect(result.ok ? '' : result.reason).toMatch(/never closed/);
  });
});

describe('ledger file encoding', () => {
  it('reads UTF-8 with or without a byte-order mark', () => {
    expect(decodeLedgerBytes(new TextEncoder().encode('信访人'))).toBe('信访人');
    expect(decodeLedgerBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('信访人')]))).toBe(
      '信访人',
    );
  });

  it('reads a CSV that Excel saved in GBK', () => {
    // "信访人" in GBK, as Excel on Chinese Windows writes it.
    expect(decodeLedgerBytes(Uint8Array.from([0xd0, 0xc5, 0xb7, 0xc3, 0xc8, 0xcb]))).toBe('信访人');
  });
});
