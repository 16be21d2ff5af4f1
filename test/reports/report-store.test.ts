import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_REPORT_LIMITS,
  ReportLimitError,
  checkAttachment,
  checkSubmission,
  createFolderReportStore,
  refFor,
  storeReportFiles,
} from '../../activities/reports';

const MB = 1024 * 1024;
const PDF = 'application/pdf';
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'reports-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the folder report store', () => {
  it('files content under its SHA-256 and gives it back by reference', async () => {
    const store = createFolderReportStore({ dataDir });
    const bytes = Buffer.from('城关镇工作小组成员名单\n', 'utf8');
    const ref = await store.put(bytes, { name: 'members.txt', mediaType: 'text/plain' });
    const hex = ref.slice('sha256:'.length);

    expect(ref).toBe(refFor(bytes));
    expect(await readdir(path.join(dataDir, 'reports', hex.slice(0, 2)))).toContain(hex.slice(2));
    expect(await store.get(ref)).toEqual(bytes);
    expect(await store.has(ref)).toBe(true);
    expect(await store.stat(ref)).toEqual({
      ref,
      sha256: hex,
      name: 'members.txt',
      mediaType: 'text/plain',
      size: bytes.byteLength,
    });
  });

  it('stores the same content once, however often and under whatever name it is put', async () => {
    const store = createFolderReportStore({ dataDir });
    const bytes = Buffer.from('same ledger');
    const first = await store.put(bytes, { name: 'ledger.csv', mediaType: 'text/csv' });
    const second = await store.put(bytes, { name: 'ledger-copy.csv', mediaType: 'text/csv' });
    expect(second).toBe(first);
    const shard = path.join(dataDir, 'reports', first.slice('sha256:'.length, 'sha256:'.length + 2));
    expect((await readdir(shard)).filter((file) => !file.endsWith('.json'))).toHaveLength(1);
    expect((await store.stat(first))?.name).toBe('ledger.csv');
  });

  it('answers unknown references as absent and refuses malformed ones', async () => {
    const store = createFolderReportStore({ dataDir });
    const unknown = `sha256:${'0'.repeat(64)}`;
    expect(await store.has(unknown)).toBe(false);
    expect(await store.stat(unknown)).toBeUndefined();
    await expect(store.get(unknown)).rejects.toThrow(/no report file with reference/);
    await expect(store.get('sha256:../../etc/passwd')).rejects.toThrow(/not a report reference/);
  });
});

describe('attachment limits', () => {
  it.each([
    ['名单.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['ledger.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['scan.pdf', PDF],
    ['photo.png', 'image/png'],
    ['photo.jpg', 'image/jpeg'],
    ['notes.txt', 'text/plain'],
    ['ledger.csv', 'text/csv'],
    ['summary.md', 'text/markdown'],
  ])('accept %s', (name, mediaType) => {
    expect(checkAttachment({ name, size: 1024, mediaType })).toEqual({ ok: true });
  });

  it('name the file and the limit when a file is too large', () => {
    const check = checkAttachment({ name: '排查台帐扫描件.pdf', size: 25 * MB, mediaType: PDF });
    expect(check).toEqual({
      ok: false,
      error: {
        code: 'file_too_large',
        name: '排查台帐扫描件.pdf',
        message: '排查台帐扫描件.pdf is 25 MB; the limit per file is 20 MB',
      },
    });
  });

  it('refuse a type outside the list', () => {
    const check = checkAttachment({ name: 'setup.exe', size: 10, mediaType: 'application/octet-stream' });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error.code).toBe('media_type_not_allowed');
    expect(!check.ok && check.error.message).toMatch(/^setup\.exe is not an accepted type/);
  });

  it('hold a whole submission to 50 MB even when each file fits', () => {
    const files = ['a.pdf', 'b.pdf', 'c.pdf'].map((name) => ({ name, size: 18 * MB, mediaType: PDF }));
    const check = checkSubmission(files);
    expect(!check.ok && check.error.code).toBe('submission_too_large');
    expect(!check.ok && check.error.message).toBe(
      'a.pdf, b.pdf, c.pdf together are 54 MB; the limit per submission is 50 MB',
    );
    expect(DEFAULT_REPORT_LIMITS).toEqual({ maxFileBytes: 20 * MB, maxSubmissionBytes: 50 * MB });
  });
});

describe('storing the files of a submission', () => {
  it('returns a reference, size, type and hash per file', async () => {
    const file = path.join(dataDir, 'summary.md');
    await writeFile(file, '# 总结\n');
    const store = createFolderReportStore({ dataDir });
    const [stored] = await storeReportFiles([file], { store });
    expect(stored).toEqual({
      name: 'summary.md',
      ref: refFor(Buffer.from('# 总结\n')),
      size: Buffer.byteLength('# 总结\n'),
      mediaType: 'text/markdown',
      sha256: refFor(Buffer.from('# 总结\n')).slice('sha256:'.length),
    });
    expect(await store.has(stored?.ref ?? '')).toBe(true);
  });

  it('stores nothing when any file breaks a limit, and says which', async () => {
    const small = path.join(dataDir, 'ok.txt');
    const large = path.join(dataDir, 'big.txt');
    await writeFile(small, 'fine');
    await writeFile(large, Buffer.alloc(2048));
    const store = createFolderReportStore({ dataDir });
    const limits = { maxFileBytes: 1024, maxSubmissionBytes: 4096 };
    const failure = storeReportFiles([small, large], { store, limits });
    await expect(failure).rejects.toBeInstanceOf(ReportLimitError);
    await expect(failure).rejects.toThrow('big.txt is 2.0 KB; the limit per file is 1.0 KB');
    expect(await store.has(refFor(Buffer.from('fine')))).toBe(false);
  });
});
