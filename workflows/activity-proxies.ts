import { proxyActivities } from '@temporalio/workflow';
import type { CampaignActivities } from '../activities/activity-types';

/**
 * Mail is retried patiently: an SMTP outage of a day must not lose a message, and because the
 * workflows never wait on mail, a long retry never holds back a timer or an escalation. The mail
 * activities heartbeat while they work, so mail a dead worker held is retried after the heartbeat
 * timeout rather than the whole start-to-close timeout.
 */
export const mail = proxyActivities<
  Pick<CampaignActivities, 'sendNotification' | 'sendNotifications' | 'notifyAllUnits'>
>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '30 seconds',
  scheduleToCloseTimeout: '3 days',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 minutes',
    nonRetryableErrorTypes: ['InvalidNotificationRequest'],
  },
});

/** Fan-out to units must finish before the campaign moves on, so it retries quickly and for as long as it takes. */
export const fanout = proxyActivities<Pick<CampaignActivities, 'broadcastToUnits'>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const reports = proxyActivities<Pick<CampaignActivities, 'publishCampaignReport'>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/**
 * A transfer holds its update open until the other unit has the case, so it retries briefly; a
 * refusal is non-retryable and the case goes back to the sending unit.
 */
export const ledger = proxyActivities<Pick<CampaignActivities, 'transferCase'>>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
