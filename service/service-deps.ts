import type { FastifyServerOptions } from 'fastify';
import type { ServiceContext } from './service-context';

/** What `buildServiceApp` and the console's `registerConsole` are given. */
export interface ServiceDeps {
  ctx: ServiceContext;
  /** Signs the session cookie (service-config.ts). */
  sessionSecret: string;
  /** Cookies over HTTPS only: set behind TLS. */
  secureCookies?: boolean;
  logger?: FastifyServerOptions['logger'];
}
