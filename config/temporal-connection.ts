import type { TLSConfig } from '@temporalio/client';
import { loadClientConfigProfile, type ClientConfigProfile, type ConfigDataSource } from '@temporalio/envconfig';
import fs from 'node:fs';
import { z } from 'zod';

/**
 * How clients and workers reach Temporal, from the environment. The project's own variables
 * (TEMPORAL_TLS_CERT, ...) sit on top of the standard envconfig profile (TEMPORAL_PROFILE,
 * TEMPORAL_CONFIG_FILE, temporal.toml, TEMPORAL_TLS_CLIENT_CERT_PATH, ...), so a profile written for
 * the `temporal` CLI works here unchanged and a single variable can still override it.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const existingFile = optionalText.refine((file) => file === undefined || fs.existsSync(file), {
  message: 'file does not exist',
});

const TemporalEnvSchema = z
  .object({
    TEMPORAL_ADDRESS: optionalText.refine((value) => value === undefined || /^[^\s:/]+:\d{1,5}$/.test(value), {
      message: 'must be host:port, e.g. localhost:7233',
    }),
    TEMPORAL_NAMESPACE: optionalText,
    TEMPORAL_TASK_QUEUE: optionalText,
    TEMPORAL_API_KEY: optionalText,
    TEMPORAL_TLS_CERT: existingFile,
    TEMPORAL_TLS_KEY: existingFile,
    TEMPORAL_TLS_CA: existingFile,
    TEMPORAL_TLS_SERVER_NAME: optionalText,
    TEMPORAL_PROFILE: optionalText,
    TEMPORAL_CONFIG_FILE: existingFile,
  })
  .superRefine((env, ctx) => {
    if ((env.TEMPORAL_TLS_CERT === undefined) !== (env.TEMPORAL_TLS_KEY === undefined)) {
      const missing = env.TEMPORAL_TLS_CERT === undefined ? 'TEMPORAL_TLS_CERT' : 'TEMPORAL_TLS_KEY';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'mTLS needs both TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY',
      });
    }
  });

export interface TemporalTls {
  serverName?: string;
  serverCa?: ConfigDataSource;
  clientCert?: ConfigDataSource;
  clientKey?: ConfigDataSource;
}

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  apiKey?: string;
  /** `false`: plain gRPC (local servers); `true`: TLS with system roots; object: custom TLS/mTLS. */
  tls: boolean | TemporalTls;
  grpcMeta?: Record<string, string>;
}

export type TemporalConfigResult = { success: true; data: TemporalConfig } | { success: false; error: z.ZodError };

function loadProfile(env: z.infer<typeof TemporalEnvSchema>, raw: Record<string, string>): ClientConfigProfile {
  return loadClientConfigProfile({
    profile: env.TEMPORAL_PROFILE,
    configSource: env.TEMPORAL_CONFIG_FILE !== undefined ? { path: env.TEMPORAL_CONFIG_FILE } : undefined,
    overrideEnvVars: raw,
  });
}

function resolveTls(env: z.infer<typeof TemporalEnvSchema>, profile: ClientConfigProfile): boolean | TemporalTls {
  const fromProfile = profile.tls;
  if (fromProfile?.disabled === true) return false;
  const tls: TemporalTls = {
    serverName: env.TEMPORAL_TLS_SERVER_NAME ?? fromProfile?.serverName,
    serverCa: env.TEMPORAL_TLS_CA !== undefined ? { path: env.TEMPORAL_TLS_CA } : fromProfile?.serverCACert,
    clientCert: env.TEMPORAL_TLS_CERT !== undefined ? { path: env.TEMPORAL_TLS_CERT } : fromProfile?.clientCert,
    clientKey: env.TEMPORAL_TLS_KEY !== undefined ? { path: env.TEMPORAL_TLS_KEY } : fromProfile?.clientKey,
  };
  const custom = Object.values(tls).some((value) => value !== undefined);
  if (custom) return tls;
  // An API key only makes sense over TLS (Temporal Cloud); a profile may also just say "tls on".
  return fromProfile !== undefined || profile.apiKey !== undefined;
}

/**
 * Reads and validates the connection settings. Errors are zod issues whose path is the variable
 * name, so the CLI can print `TEMPORAL_ADDRESS: must be host:port`.
 */
export function loadTemporalConfig(env: NodeJS.ProcessEnv = process.env): TemporalConfigResult {
  const parsed = TemporalEnvSchema.safeParse(env);
  if (!parsed.success) return { success: false, error: parsed.error };
  const raw = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  let profile: ClientConfigProfile;
  try {
    profile = loadProfile(parsed.data, raw);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const variable = parsed.data.TEMPORAL_PROFILE !== undefined ? 'TEMPORAL_PROFILE' : 'TEMPORAL_CONFIG_FILE';
    return {
      success: false,
      error: new z.ZodError([{ code: 'custom', path: [variable], message, input: env[variable] }]),
    };
  }
  return {
    success: true,
    data: {
      address: profile.address ?? 'localhost:7233',
      namespace: profile.namespace ?? 'default',
      taskQueue: parsed.data.TEMPORAL_TASK_QUEUE ?? 'campaigns',
      apiKey: profile.apiKey,
      tls: resolveTls(parsed.data, profile),
      grpcMeta: profile.grpcMeta,
    },
  };
}

/** Like {@link loadTemporalConfig} but throws one readable sentence; for entry points. */
export function requireTemporalConfig(env: NodeJS.ProcessEnv = process.env): TemporalConfig {
  const result = loadTemporalConfig(env);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new Error(`Invalid Temporal connection settings (${details}).`);
}

function readSource(source: ConfigDataSource | undefined): Uint8Array | undefined {
  if (source === undefined) return undefined;
  if ('path' in source) return fs.readFileSync(source.path);
  return typeof source.data === 'string' ? Buffer.from(source.data) : source.data;
}

export interface SharedConnectionOptions {
  address: string;
  tls: TLSConfig | boolean;
  apiKey?: string;
  metadata?: Record<string, string>;
}

/** Options shared by `Connection` (clients) and `NativeConnection` (workers). */
export function toConnectionOptions(config: TemporalConfig): SharedConnectionOptions {
  if (typeof config.tls !== 'object') {
    return { address: config.address, tls: config.tls, apiKey: config.apiKey, metadata: config.grpcMeta };
  }
  const crt = readSource(config.tls.clientCert);
  const key = readSource(config.tls.clientKey);
  const tls: TLSConfig = {
    serverNameOverride: config.tls.serverName,
    serverRootCACertificate: readSource(config.tls.serverCa),
    clientCertPair: crt && key ? { crt, key } : undefined,
  };
  return { address: config.address, tls, apiKey: config.apiKey, metadata: config.grpcMeta };
}
