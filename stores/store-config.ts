import { z } from 'zod';

/**
 * Where shared state lives, from the environment. Without DATABASE_URL: the data folder (one
 * host). With it: PostgreSQL, the same database for every worker and the service.
 */

const blankIsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const DatabaseUrlSchema = z
  .string()
  .trim()
  .max(2_000, 'is too long')
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a URL like postgres://user:password@host:5432/campaign');

const StoreEnvSchema = z.object({
  DATABASE_URL: z.preprocess(blankIsAbsent, DatabaseUrlSchema.optional()),
  CAMPAIGN_DATABASE_POOL_SIZE: z.preprocess(
    blankIsAbsent,
    z.coerce
      .number()
      .int('must be a whole number')
      .min(1, 'must be 1 or more')
      .max(100, 'must be 100 or less')
      .default(10),
  ),
});

export type StoreConfig =
  | { kind: 'folder'; dataDir: string; outboxDir: string }
  | { kind: 'postgres'; url: string; poolSize: number; patienceMs: number };

export class StoreConfigError extends Error {
  override name = 'StoreConfigError';
}

/**
 * A write that follows a sent mail waits this long for the database: under the mail activity's
 * two-minute start-to-close timeout, so the activity still ends (and is retried) on its own.
 */
export const DATABASE_PATIENCE_MS = 90_000;

export function loadStoreConfig(env: NodeJS.ProcessEnv, folders: { dataDir: string; outboxDir: string }): StoreConfig {
  const parsed = StoreEnvSchema.safeParse({
    DATABASE_URL: env['DATABASE_URL'],
    CAMPAIGN_DATABASE_POOL_SIZE: env['CAMPAIGN_DATABASE_POOL_SIZE'],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreConfigError(`${String(issue?.path[0] ?? 'DATABASE_URL')} ${issue?.message ?? 'is invalid'}`);
  }
  const { DATABASE_URL: url, CAMPAIGN_DATABASE_POOL_SIZE: poolSize } = parsed.data;
  return url === undefined
    ? { kind: 'folder', ...folders }
    : { kind: 'postgres', url, poolSize, patienceMs: DATABASE_PATIENCE_MS };
}

/** For logs: the database without its password. */
export function describeStoreConfig(config: StoreConfig): string {
  if (config.kind === 'folder') return `the data folder ${config.dataDir}`;
  const url = new URL(config.url);
  return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}
