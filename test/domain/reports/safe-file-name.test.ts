import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../domain/reports/safe-file-name';

describe('the name an uploaded file is stored under', () => {
  it.each([
    ['名单.xlsx', '名单.xlsx'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\clerk\\总结.docx', '总结.docx'],
    ['..', 'file'],
    ['', 'file'],
    ['.hidden.txt', 'hidden.txt'],
    ['a\u0000b\u001b[31m.txt', 'a_b_[31m.txt'],
    ['report<1>?.pdf', 'report_1__.pdf'],
  ])('%j → %j', (raw, safe) => {
    expect(safeFileName(raw)).toBe(safe);
  });

  it('cuts a long name and keeps its extension', () => {
    const name = safeFileName(`${'长'.repeat(300)}.pdf`);
    expect(name).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
