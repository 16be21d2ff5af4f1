import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** A lock whose holder wrote nothing for this long is a crash between open and write. */
const EMPTY_LOCK_STALE_MS = 60_000;

function holderIsGone(lockPath: string): boolean {
  let content: string;
  let mtimeMs: number;
  try {
    content = fs.readFileSync(lockPath, 'utf8').trim();
    mtimeMs = fs.statSync(lockPath).mtimeMs;
  } catch {
    return true; // released between our attempt and this check
  }
  const pid = Number.parseInt(content, 10);
  if (!Number.isInteger(pid) || pid <= 0) return Date.now() - mtimeMs > EMPTY_LOCK_STALE_MS;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still a live holder.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Runs `fn` while holding an exclusive lock file, so two processes (two test runs, CI and a shell)
 * never run the same minutes-long build at once. A lock left by a dead process is taken over.
 * Callers re-check their cache after the lock is granted: the previous holder may have filled it.
 */
export async function withFileLock<T>(lockPath: string, onWait: () => void, fn: () => Promise<T>): Promise<T> {
  let announced = false;
  for (;;) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (holderIsGone(lockPath)) {
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      if (!announced) {
        onWait();
        announced = true;
      }
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}
