import type { MailConfig } from '../../config/mail-config';
import { createNotifyActivities } from './deliver';
import type { NotifyDependencies } from './deliver';
import { createFileDeliveryLog } from './delivery-log';
import { createNotificationLogActivities } from './notification-log';

export { classifySmtpError, createNotifyActivities } from './deliver';
export type {
  DeliveryStatus,
  NotifyDependencies,
  RecipientResult,
  SendNotificationResult,
  SendNotificationsResult,
  SmtpFailureKind,
} from './deliver';
export { createFileDeliveryLog, messageIdFor } from './delivery-log';
export type { DeliveryLog, DeliveryRecord } from './delivery-log';
export { createNotificationLogActivities, readNotificationLog } from './notification-log';
export type { NotificationLogEntry } from './notification-log';
export { buildEml } from './outbox';
export { renderNotification } from './templates';
export type { RenderedMessage } from './templates';

/**
 * Everything the worker registers for mail: `sendNotification`, `sendNotifications` and `getNotificationLog`, with the
 * delivery log kept under the configured data folder unless a shared one is given (stores/).
 */
export function createMailActivities(
  mailConfig: MailConfig,
  options: Omit<NotifyDependencies, 'mailConfig' | 'deliveryLog'> &
    Partial<Pick<NotifyDependencies, 'deliveryLog'>> = {},
) {
  return {
    ...createNotifyActivities({
      mailConfig,
      deliveryLog: createFileDeliveryLog({ dataDir: mailConfig.dataDir }),
      ...options,
    }),
    ...createNotificationLogActivities({ dataDir: mailConfig.dataDir, log: options.notificationLog }),
  };
}
