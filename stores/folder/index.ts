import { createFileDeliveryLog } from '../../activities/notify/delivery-log';
import { createFolderReportStore } from '../../activities/reports/report-store';
import type { Stores } from '../types';
import { createFolderCredentialStore } from './folder-credentials';
import { createFolderAuditLog, createFolderNotificationLog } from './folder-logs';
import { createFolderOutbox } from './folder-outbox';

/** One host: everything in the data folder, exactly where it has always been (`npm run demo` needs nothing else). */
export function createFolderStores(options: { dataDir: string; outboxDir: string }): Stores {
  const { dataDir } = options;
  return {
    kind: 'folder',
    reports: createFolderReportStore({ dataDir }),
    deliveries: createFileDeliveryLog({ dataDir }),
    notifications: createFolderNotificationLog({ dataDir }),
    audit: createFolderAuditLog({ dataDir }),
    outbox: createFolderOutbox({ outboxDir: options.outboxDir }),
    credentials: createFolderCredentialStore({ dataDir }),
    close: async () => {},
  };
}
