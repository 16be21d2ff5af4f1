import { type Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { credentialInterceptor } from '../client/access/credential-interceptor';
import type { IssuedCredential } from '../client/access/issue-credentials';
import { explainMissingUnit, type WorkflowAccess } from '../client/context';
import { toConnectionOptions, type TemporalConfig } from '../config/temporal-connection';
import { campaignWorkflowId, unitWorkflowId } from '../contracts';
import type { Stores } from '../stores';
import { campaignClient } from '../temporal-client/campaign-client';
import { SessionStore } from './session/session-store';

/**
 * What the service holds for every request: one connection to Temporal (the namespace access and
 * the codec key are the service's, never a clerk's), the stores shared with the workers, and the
 * sessions. A request acts through `holderAccess`, whose client presents ONLY the signed-in
 * holder's credential: the workflows check it exactly as they check a CLI user's.
 */
export interface ServiceContext {
  readonly connection: Connection;
  readonly namespace: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stores: Stores;
  readonly dataDir: string;
  readonly sessions: SessionStore;
  /** Wall-clock now; tests may pass their own. */
  readonly now: () => number;
  /** A client that presents no credential: for reads, which carry none. */
  readonly reader: Client;
  close(): Promise<void>;
}

export interface ServiceContextOptions {
  temporal: TemporalConfig;
  env: NodeJS.ProcessEnv;
  stores: Stores;
  dataDir: string;
  sessionMs: number;
  now?: () => number;
}

export async function createServiceContext(options: ServiceContextOptions): Promise<ServiceContext> {
  const connection = await Connection.connect(toConnectionOptions(options.temporal));
  const { namespace } = options.temporal;
  return {
    connection,
    namespace,
    env: options.env,
    stores: options.stores,
    dataDir: options.dataDir,
    sessions: new SessionStore(options.sessionMs),
    now: options.now ?? Date.now,
    reader: campaignClient({ connection, namespace, env: options.env }),
    async close() {
      await connection.close().catch(() => undefined);
      await options.stores.close();
    },
  };
}

/** The workflows as one holder reaches them: their credential, and nobody else's, goes with every update. */
export interface HolderAccess extends WorkflowAccess {
  readonly client: Client;
}

export function holderAccess(ctx: ServiceContext, credential: IssuedCredential): HolderAccess {
  const wallet = {
    credentials: (campaignId: string) => (campaignId === credential.campaignId ? [credential] : []),
    preferred: credential.principal,
  };
  const client: Client = campaignClient({
    connection: ctx.connection,
    namespace: ctx.namespace,
    env: ctx.env,
    interceptors: [credentialInterceptor(() => client, wallet)],
  });
  return {
    client,
    campaign: (campaignId: string): Promise<WorkflowHandle> =>
      Promise.resolve(client.workflow.getHandle(campaignWorkflowId(campaignId))),
    unit: (campaignId: string, unitId: string): Promise<WorkflowHandle> =>
      Promise.resolve(client.workflow.getHandle(unitWorkflowId(campaignId, unitId))),
    explainMissingUnit: (error: unknown, campaignId: string, unitId: string) =>
      explainMissingUnit(client, error, campaignId, unitId),
    // What the holder claims is who they are: the credential decides, `by` only records it.
    actor: () => credential.principal,
  };
}
