import fs from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendToFile, writeFileAtomic } from '../../activities/notify/atomic-file';

describe('file writes of the outbox, delivery records and notification log', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'atomic-file-'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('flushes the new content to disk before it takes the file name', async () => {
    const steps: string[] = [];
    const fsync = fs.fsync;
    const rename = fs.rename;
    vi.spyOn(fs, 'fsync').mockImplementation((fd, callback) => {
      steps.push('fsync');
      fsync(fd, callback);
    });
    vi.spyOn(fs, 'rename').mockImplementation((from, to, callback) => {
      steps.push(`rename to ${path.basename(String(to))}`);
      rename(from, to, callback);
    });
    const file = path.join(dir, 'deliveries', 'record.json');
    await writeFileAtomic(file, new TextEncoder().encode('{"sent":true}'));
    expect(steps).toEqual(['fsync', 'rename to record.json']);
    expect(await readFile(file, 'utf8')).toBe('{"sent":true}');
  });

  it('makes the folder, writes the whole file and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'outbox', 'campaign-a', 'message.eml');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second');
    expect(await readFile(file, 'utf8')).toBe('second');
    expect(await readdir(path.dirname(file))).toEqual(['message.eml']);
  });

  it('writes many files into one folder at once without their temporary names colliding', async () => {
    const folder = path.join(dir, 'deliveries');
    await Promise.all(Array.from({ length: 50 }, (_, i) => writeFileAtomic(path.join(folder, `${i}.json`), `${i}`)));
    const names = await readdir(folder);
    expect(names).toHaveLength(50);
    expect(await readFile(path.join(folder, '49.json'), 'utf8')).toBe('49');
  });

  it('makes a folder again when it was removed while the process ran (an outbox cleared by hand)', async () => {
    const file = path.join(dir, 'outbox', 'campaign-b', 'one.eml');
    await writeFileAtomic(file, 'one');
    await rm(path.join(dir, 'outbox'), { recursive: true });
    await writeFileAtomic(path.join(dir, 'outbox', 'campaign-b', 'two.eml'), 'two');
    expect(await readdir(path.dirname(file))).toEqual(['two.eml']);

    const log = path.join(dir, 'notifications', 'campaign-b.jsonl');
    await appendToFile(log, 'a\n');
    await rm(path.join(dir, 'notifications'), { recursive: true });
    await appendToFile(log, 'b\n');
    expect(await readFile(log, 'utf8')).toBe('b\n');
  });
});
