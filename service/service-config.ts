import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../activities/notify/atomic-file';

/**
 * The service's own settings, from the environment (`campaign serve --port` overrides the port).
 * The session secret signs the session cookie: given by CAMPAIGN_SESSION_SECRET, or made once and
 * kept in the data folder (0600), so a restart does not sign everyone out of a running console.
 */

const blankIsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const ServiceEnvSchema = z.object({
  CAMPAIGN_SERVICE_PORT: z.preprocess(
    blankIsAbsent,
    z.coerce.number().int('must be a whole number').min(0).max(65_535, 'must be a port, 0 to 65535').default(8088),
  ),
  CAMPAIGN_SERVICE_HOST: z.preprocess(blankIsAbsent, z.string().trim().min(1).max(255).default('127.0.0.1')),
  CAMPAIGN_SESSION_SECRET: z.preprocess(
    blankIsAbsent,
    z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').max(1_000).optional(),
  ),
  /** Set when the service sits behind TLS: the session cookie is then sent over HTTPS only. */
  CAMPAIGN_SERVICE_SECURE_COOKIES: z.preprocess(blankIsAbsent, z.enum(['true', 'false']).default('false')),
  /** Hours a sign-in lasts. */
  CAMPAIGN_SESSION_HOURS: z.preprocess(
    blankIsAbsent,
    z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
  ),
});

export interface ServiceConfig {
  port: number;
  host: string;
  sessionSecret: string;
  secureCookies: boolean;
  sessionMs: number;
}

export class ServiceConfigError extends Error {
  override name = 'ServiceConfigError';
}

export function loadServiceConfig(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  overrides: { port?: number } = {},
): ServiceConfig {
  const parsed = ServiceEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServiceConfigError(`${String(issue?.path[0] ?? 'service settings')} ${issue?.message ?? 'is invalid'}`);
  }
  const data = parsed.data;
  return {
    port: overrides.port ?? data.CAMPAIGN_SERVICE_PORT,
    host: data.CAMPAIGN_SERVICE_HOST,
    sessionSecret: data.CAMPAIGN_SESSION_SECRET ?? keptSecret(dataDir),
    secureCookies: data.CAMPAIGN_SERVICE_SECURE_COOKIES === 'true',
    sessionMs: data.CAMPAIGN_SESSION_HOURS * 3_600_000,
  };
}

/** `<dataDir>/service/session-secret`: made once with `wx`, so two services starting together agree on one. */
function keptSecret(dataDir: string): string {
  const folder = path.join(dataDir, 'service');
  const file = path.join(folder, 'session-secret');
  fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER });
  try {
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: PRIVATE_FILE, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new ServiceConfigError(`${file} holds no usable secret; delete it to make a new one`);
  return secret;
}
