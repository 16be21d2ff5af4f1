import { loadMailConfig } from '../config/mail-config';
import { describeStoreConfig, isTransientDatabaseError, loadStoreConfig, openStores, type Stores } from '../stores';
import { CliError, EXIT } from './errors';

/**
 * The stores the workers use, opened for one command and closed after it: the data folder, or with
 * DATABASE_URL the PostgreSQL every host shares, so a file or a log line written on any host is
 * read here. A database that does not answer is named as such; the connection error alone would
 * read like Temporal being away.
 */
export async function withSharedStores<T>(env: NodeJS.ProcessEnv, work: (stores: Stores) => Promise<T>): Promise<T> {
  const config = loadStoreConfig(env, loadMailConfig(env));
  const unreachable = (error: unknown) =>
    isTransientDatabaseError(error)
      ? new CliError(
          `cannot reach the campaign database (${describeStoreConfig(config)})`,
          EXIT.unreachable,
          'check DATABASE_URL, and that PostgreSQL is running',
          'unreachable',
        )
      : error;
  const stores = await openStores(config).catch((error: unknown) => {
    throw unreachable(error);
  });
  try {
    return await work(stores);
  } catch (error) {
    throw unreachable(error);
  } finally {
    await stores.close().catch(() => undefined);
  }
}
