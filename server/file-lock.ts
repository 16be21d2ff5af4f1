import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';

/**
 * The holder touches its lock every STALE_MS / 2; a lock untouched for STALE_MS belongs to a process
 * that died (or a machine that slept), and the next waiter takes it over.
 */
const STALE_MS = 20_000;
const RETRY_MS = 1000;

/**
 * Runs `fn` while holding an exclusive lock (proper-lockfile: a directory made with mkdir, kept
 * fresh by its holder), so two processes (two test runs, CI and a shell) never run the same
 * minutes-long build at once. A lock left by a dead process goes stale and is taken over.
 *
 * Two waiters that find the same stale lock can still both take it (one removes the lock the other
 * has just made). The holder that lost its lock notices at its next touch and is told so on stderr;
 * the work it does stays safe, because callers build into a scratch folder and rename, and re-check
 * their cache after the lock is granted: the previous holder may have filled it.
 */
export async function withFileLock<T>(lockPath: string, onWait: () => void, fn: () => Promise<T>): Promise<T> {
  const options = {
    realpath: false,
    lockfilePath: lockPath,
    stale: STALE_MS,
    onCompromised: (error: Error) =>
      process.stderr.write(`[lock] ${lockPath} was taken over while held (${error.message}); carrying on\n`),
  };
  let announced = false;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lockfile.lock(lockPath, options);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (!announced) {
        onWait();
        announced = true;
      }
      await sleep(RETRY_MS);
    }
  }
  try {
    return await fn();
  } finally {
    // A lock already taken over (see above) is not ours to remove.
    await release().catch(() => undefined);
  }
}
