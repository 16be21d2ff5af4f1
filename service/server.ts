import type { FastifyInstance } from 'fastify';
import { loadMailConfig } from '../config/mail-config';
import type { TemporalConfig } from '../config/temporal-connection';
import { describeStoreConfig, loadStoreConfig, openStores } from '../stores';
import { buildServiceApp } from './app';
import { createServiceContext } from './service-context';
import { loadServiceConfig } from './service-config';

export interface RunningService {
  /** `http://host:port`, as it listens. */
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * `campaign serve`: the one HTTP front door, beside the workers. It holds the namespace access and
 * the codec key, and shares the stores (report files, logs, credentials) with the workers through
 * the data folder, or PostgreSQL with DATABASE_URL.
 */
export async function startService(options: {
  temporal: TemporalConfig;
  env: NodeJS.ProcessEnv;
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningService> {
  const { env } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const mail = loadMailConfig(env);
  const config = loadServiceConfig(env, mail.dataDir, { port: options.port });
  const storeConfig = loadStoreConfig(env, mail);
  const stores = await openStores(storeConfig, log);
  const ctx = await createServiceContext({
    temporal: options.temporal,
    env,
    stores,
    dataDir: mail.dataDir,
    sessionMs: config.sessionMs,
  }).catch(async (error: unknown) => {
    await stores.close();
    throw error;
  });
  const app = await buildServiceApp({ ctx, sessionSecret: config.sessionSecret, secureCookies: config.secureCookies });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  log(
    `campaign service on http://${host}:${port} (Temporal ${options.temporal.address}, ${describeStoreConfig(storeConfig)})`,
  );
  return {
    url: `http://${host}:${port}`,
    app,
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}
