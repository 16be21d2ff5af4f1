import type { Stores } from '../types';
import { createPgCredentialStore } from './pg-credentials';
import { createPgDeliveryLog } from './pg-delivery-log';
import { createPgAuditLog, createPgNotificationLog } from './pg-logs';
import { createPgOutbox } from './pg-outbox';
import { createPgReportStore } from './pg-report-store';
import { createPool } from './pool';
import { migrate } from './schema';

export interface PgStoreOptions {
  url: string;
  poolSize: number;
  /** How long a write that follows a sent mail waits out a database outage. */
  patienceMs: number;
  log?: (line: string) => void;
}

/** Every host on one PostgreSQL: the schema is brought up to date first (idempotent, under a lock). */
export async function createPgStores(options: PgStoreOptions): Promise<Stores> {
  const pool = createPool({ url: options.url, max: options.poolSize, log: options.log });
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    kind: 'postgres',
    reports: createPgReportStore(pool),
    deliveries: createPgDeliveryLog(pool, options),
    notifications: createPgNotificationLog(pool, options),
    audit: createPgAuditLog(pool),
    outbox: createPgOutbox(pool),
    credentials: createPgCredentialStore(pool),
    close: () => pool.end(),
  };
}
