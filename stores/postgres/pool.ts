import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';

/**
 * One connection pool per process. An idle connection the database drops (a restart, an outage)
 * makes the pool emit `error`; unhandled, that event would kill the worker, so it is only noted:
 * the next query opens a fresh connection, and a query that fails meanwhile fails its activity,
 * which Temporal retries.
 */
export function createPool(options: { url: string; max: number; log?: (line: string) => void }): pg.Pool {
  // Required here, not at the top: the CLI loads this module for its error rules, and a host on
  // folder stores never needs the driver.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx registers for CommonJS only
  const { Pool } = require('pg') as typeof pg;
  const pool = new Pool({
    connectionString: options.url,
    max: options.max,
    // Fail fast while the database is away, so an activity's retry (not a hung socket) takes over.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (error) => options.log?.(`database: idle connection lost (${error.message})`));
  return pool;
}

/** SQLSTATE classes and socket codes that mean "the database is away for now", not "this query is wrong". */
export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (/^(08|53|57P)/.test(code)) return true; // connection exception, insufficient resources, shutdown
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|the database system is (starting|shutting) up/i.test(
    message,
  );
}

/**
 * Runs `work` again while the database is away, for up to `patienceMs`. Only for a write that
 * follows something that cannot be undone (a mail handed to the SMTP server): failing it would make
 * the activity's retry send that mail a second time. Everything else simply fails and is retried.
 */
export async function untilWritten<T>(work: () => Promise<T>, patienceMs: number): Promise<T> {
  const deadline = Date.now() + patienceMs;
  for (let wait = 200; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      return await work();
    } catch (error) {
      if (!isTransientDatabaseError(error) || Date.now() + wait > deadline) throw error;
      await sleep(wait);
    }
  }
}
