import type { Client } from '@temporalio/client';
import type { MailConfig } from '../config/mail-config';
import type { CampaignActivities } from './activity-types';
import { createAssessmentActivities } from './assessment/assessment-activities';
import { createBroadcastActivity } from './fanout/broadcast-to-units';
import { createNotifyAllUnitsActivity } from './fanout/notify-all-units';
import { keptAlive } from './heartbeat/kept-alive';
import { createTransferCaseActivity } from './ledger/transfer-case';
import { createReceptionCaseStatesActivity } from './receptions/case-states';
import { createMailActivities } from './notify';
import type { NotifyDependencies } from './notify';
import { createReportActivities } from './reports';
import { createPublishCampaignReportActivity } from './reports/publish-campaign-report';
import type { ReportStore } from './reports/report-store';
import type { Stores } from '../stores/types';

export interface ActivityDependencies {
  /** Activities read and signal workflows (fan-out, reports) through this client. */
  client: Client;
  mailConfig: MailConfig;
  store: ReportStore;
  /** Overrides for tests: a transport pointed at a loopback SMTP server, a pinned clock. */
  mail?: Omit<NotifyDependencies, 'mailConfig' | 'deliveryLog'>;
  /** The mail records every host must share (stores/); absent, they stay in `mailConfig.dataDir`. */
  shared?: Pick<Stores, 'deliveries' | 'notifications' | 'outbox'>;
}

/** Every activity the worker registers, wired to its dependencies explicitly. */
export function createActivities(deps: ActivityDependencies) {
  const shared = deps.shared && {
    deliveryLog: deps.shared.deliveries,
    notificationLog: deps.shared.notifications,
    outbox: deps.shared.outbox,
  };
  const mail = createMailActivities(deps.mailConfig, { ...deps.mail, ...shared });
  const reports = createReportActivities({ store: deps.store });
  const sendNotification: CampaignActivities['sendNotification'] = (request) => mail.sendNotification(request);
  return {
    ...mail,
    // Mail is retried under a heartbeat timeout well below its start-to-close timeout (see the mail proxy).
    sendNotification: keptAlive(mail.sendNotification),
    sendNotifications: keptAlive(mail.sendNotifications),
    ...reports,
    broadcastToUnits: createBroadcastActivity(deps.client),
    notifyAllUnits: keptAlive(createNotifyAllUnitsActivity(deps.client, sendNotification)),
    transferCase: createTransferCaseActivity(deps.client),
    receptionCaseStates: createReceptionCaseStatesActivity(deps.client),
    publishCampaignReport: createPublishCampaignReportActivity(deps.client, reports.publishReport),
    ...createAssessmentActivities(deps.client, deps.store),
  } satisfies CampaignActivities & Record<string, unknown>;
}
