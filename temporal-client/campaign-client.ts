import { Client, Connection, type ConnectionLike, type WorkflowClientInterceptor } from '@temporalio/client';
import { toConnectionOptions, type TemporalConfig } from '../config/temporal-connection';
import { campaignDataConverter } from '../codec/data-converter';
import { unprocessedUpdateRetry } from './unprocessed-update-retry';

export interface CampaignClientOptions {
  connection: ConnectionLike;
  namespace?: string;
  /** Where the payload key is read from; the process environment by default. */
  env?: NodeJS.ProcessEnv;
  /** Run before the retry of unprocessed updates, so a resend carries what they added. */
  interceptors?: WorkflowClientInterceptor[];
}

/**
 * Every client of a campaign (the CLI, the worker's activities, the benchmark, the tests) encodes
 * payloads with the campaign's key and sends again an update the server left unprocessed.
 */
export function campaignClient(options: CampaignClientOptions): Client {
  return new Client({
    connection: options.connection,
    namespace: options.namespace,
    dataConverter: campaignDataConverter(options.env),
    interceptors: { workflow: [...(options.interceptors ?? []), unprocessedUpdateRetry()] },
  });
}

/** A campaign client on a new connection to the configured server (the worker's activities use it). */
export async function connectClient(config: TemporalConfig): Promise<Client> {
  const connection = await Connection.connect(toConnectionOptions(config));
  return campaignClient({ connection, namespace: config.namespace });
}
