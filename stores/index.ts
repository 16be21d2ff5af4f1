import { createFolderStores } from './folder';
import { createPgStores } from './postgres';
import type { StoreConfig } from './store-config';
import type { Stores } from './types';

export { createFolderStores } from './folder';
export { isTransientDatabaseError } from './postgres/pool';
export { describeStoreConfig, loadStoreConfig, StoreConfigError } from './store-config';
export type { StoreConfig } from './store-config';
export type * from './types';
export { AuditEntrySchema, IssuedCredentialSchema } from './types';

/** The one place that decides where shared state lives; workers and the service both call it. */
export async function openStores(config: StoreConfig, log?: (line: string) => void): Promise<Stores> {
  return config.kind === 'folder' ? createFolderStores(config) : createPgStores({ ...config, log });
}
