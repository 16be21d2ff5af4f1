import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileRefusal, decodeUtf8, readBoundedFile } from '../../activities/files/bounded-file';
import { checkZipBounds } from '../../activities/files/zip-bounds';
import { parseLedgerXlsx } from '../../activities/ledger';
import { campaign, cliEnv, writePlan } from '../cli/support/cli';
import { countyContext } from '../domain/cases/case-fixture';
import { zipBomb } from './support/zip-bomb';

/**
 * Findings 3 and 4 of the second hostile-input review: files that are no files (a FIFO, /dev/zero
 * behind a symlink, a directory), files past their bound, zip bombs, and bytes that are not UTF-8,
 * each driven through the real binary where a user would meet it.
 */

const env = cliEnv();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-files-'));
const at = (name: string) => path.join(dir, name);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(env.dataDir, { recursive: true, force: true });
});

// "信访" in GBK, as Excel or Notepad on Chinese Windows saves it.
const GBK_XINFANG = Buffer.from([0xd0, 0xc5, 0xb7, 0xc3]);

describe('finding 4: a file named on the command line must be a regular file under a bound', () => {
  it('refuses a FIFO at once as a usage error, instead of waiting for a writer for ever', async () => {
    execFileSync('mkfifo', [at('plan.fifo')]);
    const result = await campaign(env, ['validate', at('plan.fifo')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a named pipe (FIFO), not a file');
  });

  it('refuses a symlink to /dev/zero as a device, without reading it', async () => {
    fs.symlinkSync('/dev/zero', at('zero.yaml'));
    const result = await campaign(env, ['validate', at('zero.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a device, not a file');
  });

  it('refuses a directory with a sentence, not a raw EISDIR', async () => {
    const result = await campaign(env, ['validate', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .* is a directory, not a file; give the path of a file\n/);
    expect(result.stderr).not.toContain('EISDIR');
  });

  it('refuses a plan past its bound before parsing it', async () => {
    fs.writeFileSync(at('huge.yaml'), `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    const result = await campaign(env, ['validate', at('huge.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is larger than 2 MB, the most this command reads');
  });

  it('refuses a FIFO given as a ledger or a report before asking the server anything', async () => {
    const imported = await campaign(env, ['case', 'import', 'no-such-campaign', at('plan.fifo')]);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('is a named pipe (FIFO), not a file');
  });

  it('refuses a FIFO wherever else a command takes a file: scores, facts, a document to draft from', async () => {
    execFileSync('mkfifo', [at('scores.csv')]);
    execFileSync('mkfifo', [at('facts.yaml')]);
    execFileSync('mkfifo', [at('plan.txt')]);
    fs.writeFileSync(at('header-only.csv'), 'assessor,unit,item,score\n');
    const song = path.resolve('examples/song-contest.yaml');
    const runs = [
      ['assessment', 'compute', song, '--scores', at('scores.csv')],
      ['assessment', 'compute', song, '--scores', at('header-only.csv'), '--facts', at('facts.yaml')],
      ['draft', at('plan.txt')],
    ];
    for (const args of runs) {
      const result = await campaign(env, args);
      expect(result.stderr).toContain('is a named pipe (FIFO), not a file');
      expect(result.code).not.toBe(0);
    }
  });

  it('stops reading at the bound even when the size on disk says nothing (a file still growing)', async () => {
    // /proc files report size 0 yet have content: only the bound checked while reading stops them.
    expect(fs.statSync('/proc/self/mountinfo').size).toBe(0);
    await expect(readBoundedFile('/proc/self/mountinfo', 16)).rejects.toMatchObject({ code: 'file_too_large' });
    await expect(readBoundedFile('/proc/self/mountinfo', 10 * 1024 * 1024)).resolves.toBeInstanceOf(Buffer);
  });
});

describe('finding 4: an .xlsx is checked against its unpacked size before exceljs inflates it', () => {
  it('refuses a zip bomb by the sizes it declares, without inflating anything', async () => {
    const bomb = zipBomb(5, 100);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const result = await parseLedgerXlsx(bomb, countyContext);
    expect(result).toMatchObject({ ok: false, errors: [{ row: 1 }] });
    expect(result.ok ? '' : result.errors[0]?.reason).toContain('unpacks to 500 MB, more than the 160 MB allowed');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('catches an entry that unpacks to more than its header claims', async () => {
    const liar = zipBomb(1, 50, 1000);
    expect(await checkZipBounds(liar, 160 * 1024 * 1024)).toMatchObject({ ok: false, reason: /too many bytes/ });
  });

  it('counts what entries really unpack to against the bound', async () => {
    expect(await checkZipBounds(zipBomb(3, 1), 2 * 1024 * 1024)).toMatchObject({ ok: false });
    expect(await checkZipBounds(zipBomb(3, 1), 4 * 1024 * 1024)).toEqual({
      ok: true,
      uncompressedBytes: 3 * 1024 * 1024,
    });
  });
});

describe('finding 3: text is UTF-8 or refused, naming the line of the first bad byte', () => {
  it('refuses a GBK plan with the line and the iconv hint, instead of starting it with ��� names', async () => {
    const plan = fs.readFileSync(writePlan(dir, 'gbk-plan'), 'utf8').split('\n');
    const lineNo = plan.findIndex((line) => line.includes('甲镇')) + 1;
    const bytes = Buffer.concat(
      plan.map((line, i) =>
        Buffer.concat([
          i + 1 === lineNo ? Buffer.concat([Buffer.from(line.replace(/甲镇.*/, '')), GBK_XINFANG]) : Buffer.from(line),
          Buffer.from('\n'),
        ]),
      ),
    );
    fs.writeFileSync(at('gbk.yaml'), bytes);
    const result = await campaign(env, ['validate', at('gbk.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`is not UTF-8 text (line ${lineNo} holds a byte that is not UTF-8)`);
    expect(result.stderr).toContain(`iconv -f GBK -t UTF-8 ${at('gbk.yaml')} > ${at('gbk-utf8.yaml')}`);
  });

  it('refuses a report file with invalid bytes before anything is sent', async () => {
    fs.writeFileSync(
      at('report.yaml'),
      Buffer.concat([Buffer.from('text: 已完成\nnote: '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]),
    );
    const result = await campaign(env, [
      'submit',
      'no-such-campaign',
      '--unit',
      'town-a',
      '--deliverable',
      'members',
      '--report',
      at('report.yaml'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not UTF-8 text (line 2 holds a byte that is not UTF-8)');
  });

  it('reads UTF-8 with or without a byte-order mark, and names line 1 for a bad first byte', () => {
    expect(decodeUtf8(Buffer.from('\uFEFF甲镇'), 'f')).toBe('甲镇');
    expect(() => decodeUtf8(Buffer.from([0x80]), 'f')).toThrow(FileRefusal);
    expect(() => decodeUtf8(Buffer.from([0x80]), 'f')).toThrow(/line 1 /);
  });
});
