import type * as ClientSdk from '@temporalio/client';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadTemporalConfig, toConnectionOptions, type TemporalConfig } from '../config/temporal-connection';
import { campaignWorkflowId, unitWorkflowId } from '../contracts';
import { loadMailConfig } from '../config/mail-config';
import { credentialInterceptor, type Wallet } from './access/credential-interceptor';
import { credentialsDir, CredentialFileError, readCredentialDir, readCredentialFile } from './access/credential-files';
import type { IssuedCredential } from './access/issue-credentials';
import { CliError, EXIT, isUnreachable, unknownCampaign, unreachable, usageError } from './errors';
import type * as CampaignClientModule from '../temporal-client/campaign-client';
import { isWorkflowNotFound } from '../temporal-client/error-kinds';
import { printOut, safeJson } from './output/safe-text';
import { parseArg } from './args';
import { ServiceClient } from './remote/service-client';

const ServerUrlSchema = z.url({ protocol: /^https?$/, error: 'must be the http(s) address of `campaign serve`' });

/** Options every command accepts; they override the environment the worker reads too. */
export interface GlobalOptions {
  as?: string;
  credential?: string;
  json?: boolean;
  debug?: boolean;
  address?: string;
  namespace?: string;
  taskQueue?: string;
  /** The campaign service to go through instead of Temporal (client/remote). */
  server?: string;
}

// A CLI call should fail fast when nothing listens; the SDK's default waits ten seconds.
const CONNECT_TIMEOUT_MS = 4000;

/** What a command runs with: settings, a lazily opened client, and where its output goes. */
export class CliContext {
  private config: TemporalConfig | undefined;
  private connecting: Promise<Client> | undefined;
  private service: ServiceClient | undefined;
  campaignId: string | undefined;

  constructor(
    readonly options: GlobalOptions,
    readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  static of(command: Command): CliContext {
    return new CliContext(command.optsWithGlobals<GlobalOptions>());
  }

  get json(): boolean {
    return this.options.json === true;
  }

  temporalConfig(): TemporalConfig {
    if (this.config) return this.config;
    const overrides: Record<string, string | undefined> = {
      TEMPORAL_ADDRESS: this.options.address,
      TEMPORAL_NAMESPACE: this.options.namespace,
      TEMPORAL_TASK_QUEUE: this.options.taskQueue,
    };
    const env = { ...this.env };
    for (const [name, value] of Object.entries(overrides)) if (value !== undefined) env[name] = value;
    const result = loadTemporalConfig(env);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw usageError(
        `${String(issue?.path.join('.') ?? 'Temporal settings')}: ${issue?.message ?? 'invalid'}`,
        'see docs/operations.md for the connection variables',
      );
    }
    this.config = result.data;
    return this.config;
  }

  client(): Promise<Client> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<Client> {
    const config = this.temporalConfig();
    // Loaded on the first call to the server (a fifth of a second): `--help`, `validate` and the
    // other commands that never reach Temporal do without it. tsx registers for CommonJS only.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { Connection } = require('@temporalio/client') as typeof ClientSdk;
    const { campaignClient } = require('../temporal-client/campaign-client') as typeof CampaignClientModule;
    /* eslint-enable @typescript-eslint/no-require-imports */
    try {
      const connection = await Connection.connect({
        ...toConnectionOptions(config),
        connectTimeout: CONNECT_TIMEOUT_MS,
      });
      const client: Client = campaignClient({
        connection,
        namespace: config.namespace,
        env: this.env,
        interceptors: [credentialInterceptor(() => client, this.wallet())],
      });
      return client;
    } catch (error) {
      if (isUnreachable(error)) throw unreachable(config.address);
      throw error;
    }
  }

  /**
   * The campaign service this command goes through (`--server` or $CAMPAIGN_SERVER), signed in with
   * the one credential file named by `--credential` or $CAMPAIGN_CREDENTIAL; undefined without one.
   */
  remote(): ServiceClient | undefined {
    if (this.service) return this.service;
    const server = this.options.server ?? this.env['CAMPAIGN_SERVER'];
    if (server === undefined || server.trim() === '') return undefined;
    const url = parseArg(ServerUrlSchema, server.trim(), '--server');
    const file = this.options.credential ?? this.env['CAMPAIGN_CREDENTIAL'];
    if (file === undefined || file.trim() === '') {
      throw usageError('--server needs your credential file', 'name it with --credential FILE or $CAMPAIGN_CREDENTIAL');
    }
    try {
      this.service = new ServiceClient(url, readCredentialFile(file.trim()));
    } catch (error) {
      if (error instanceof CredentialFileError) throw usageError(error.message, 'use the file `campaign start` wrote');
      throw error;
    }
    return this.service;
  }

  async close(): Promise<void> {
    await this.service?.close();
    const client = await this.connecting?.catch(() => undefined);
    await client?.connection.close().catch(() => undefined);
  }

  /**
   * The credentials this caller holds: the file `--credential` or `$CAMPAIGN_CREDENTIAL` names, or
   * else every file in the campaign's credentials folder (where `campaign start` put them).
   */
  wallet(): Wallet {
    const cache = new Map<string, IssuedCredential[]>();
    const file = this.options.credential ?? this.env['CAMPAIGN_CREDENTIAL'];
    const read = (campaignId: string): IssuedCredential[] => {
      try {
        if (file !== undefined && file.trim() !== '') {
          return [readCredentialFile(file.trim())].filter((c) => c.campaignId === campaignId);
        }
        return readCredentialDir(credentialsDir(loadMailConfig(this.env).dataDir, campaignId));
      } catch (error) {
        if (error instanceof CredentialFileError)
          throw usageError(error.message, 'use the file `campaign start` wrote');
        throw error;
      }
    };
    return {
      credentials: (campaignId) => {
        const held = cache.get(campaignId) ?? read(campaignId);
        cache.set(campaignId, held);
        return held;
      },
      preferred: this.options.as ?? this.env['CAMPAIGN_ACTOR'],
    };
  }

  /** Who performs an action: --as, then $CAMPAIGN_ACTOR, then the unit itself, then the office. */
  actor(unitId?: string): string {
    const named = this.options.as ?? this.env['CAMPAIGN_ACTOR'];
    if (named !== undefined && named.trim() !== '') return named.trim();
    return unitId !== undefined ? `unit:${unitId}` : 'office';
  }

  async campaign(campaignId: string): Promise<WorkflowHandle> {
    this.campaignId = campaignId;
    return (await this.client()).workflow.getHandle(campaignWorkflowId(campaignId));
  }

  async unit(campaignId: string, unitId: string): Promise<WorkflowHandle> {
    this.campaignId = campaignId;
    return (await this.client()).workflow.getHandle(unitWorkflowId(campaignId, unitId));
  }

  /** Names the wrong part (campaign or unit) when a unit workflow does not exist. */
  async explainMissingUnit(error: unknown, campaignId: string, unitId: string): Promise<never> {
    this.campaignId = campaignId;
    return explainMissingUnit(await this.client(), error, campaignId, unitId);
  }

  /** Prints JSON with --json, otherwise the human form. */
  print(json: unknown, human: () => string): void {
    if (this.json) process.stdout.write(`${safeJson(json)}\n`);
    else printOut(`${human()}\n`);
  }
}

/**
 * What the commands' shared functions need of a caller (the CLI's context, or the service acting
 * for one signed-in holder): workflow handles, the actor, and a clear sentence for a wrong unit.
 */
export type WorkflowAccess = Pick<CliContext, 'campaign' | 'unit' | 'explainMissingUnit' | 'actor'>;

/**
 * A unit workflow that does not exist means either the campaign or the unit is wrong; telling
 * which saves the user a second guess.
 */
export async function explainMissingUnit(
  client: Client,
  error: unknown,
  campaignId: string,
  unitId: string,
): Promise<never> {
  if (!isWorkflowNotFound(error)) throw error;
  try {
    await client.workflow.getHandle(campaignWorkflowId(campaignId)).describe();
  } catch (describeError) {
    if (isWorkflowNotFound(describeError)) throw unknownCampaign(campaignId);
    throw describeError;
  }
  throw new CliError(
    `no unit "${unitId}" takes part in campaign "${campaignId}"`,
    EXIT.failed,
    `the units are listed by \`campaign status ${campaignId}\``,
    'unknown_unit',
  );
}
