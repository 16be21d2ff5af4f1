import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../server/file-lock';

describe('the build lock', () => {
  let dir: string;
  let lockPath: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-lock-'));
    lockPath = path.join(dir, 'build.lock');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets one holder in at a time, tells each waiter once, and is gone afterwards', async () => {
    let inside = 0;
    let most = 0;
    const waited: number[] = [];
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        withFileLock(
          lockPath,
          () => waited.push(n),
          async () => {
            inside += 1;
            most = Math.max(most, inside);
            await sleep(100);
            inside -= 1;
            return n;
          },
        ),
      ),
    );
    expect(results).toEqual([1, 2, 3]);
    expect(most).toBe(1);
    expect(waited).toHaveLength(2);
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('releases the lock when the work fails', async () => {
    await expect(
      withFileLock(
        lockPath,
        () => undefined,
        () => Promise.reject(new Error('build failed')),
      ),
    ).rejects.toThrow('build failed');
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('takes over a lock its holder stopped keeping fresh (a process that died), without waiting', async () => {
    fs.mkdirSync(lockPath);
    const minuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPath, minuteAgo, minuteAgo);
    let waited = false;
    const result = await withFileLock(
      lockPath,
      () => (waited = true),
      () => Promise.resolve('built'),
    );
    expect(result).toBe('built');
    expect(waited).toBe(false);
  });

  it('waits for a lock that is still fresh', async () => {
    fs.mkdirSync(lockPath);
    let waited = false;
    const holder = withFileLock(
      lockPath,
      () => (waited = true),
      () => Promise.resolve('built'),
    );
    await sleep(300);
    expect(waited).toBe(true);
    fs.rmdirSync(lockPath); // the holder finishes
    await expect(holder).resolves.toBe('built');
  });
});
