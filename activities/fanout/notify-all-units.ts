import type { Client } from '@temporalio/client';
import type { NotificationRequest, Recipient } from '../../domain/notifications/notification';
import { rosterQuery } from '../../contracts';
import type { CampaignActivities } from '../activity-types';

/**
 * A public notice (通报) goes to every unit's contact. The roster is read from the campaign when
 * the notice is sent, so units added mid-campaign are included and no workflow carries the list.
 */
export function createNotifyAllUnitsActivity(client: Client, send: CampaignActivities['sendNotification']) {
  return async function notifyAllUnits(input: {
    campaignWorkflowId: string;
    request: Omit<NotificationRequest, 'to'>;
  }): Promise<{ sent: number }> {
    const units = await client.workflow.getHandle(input.campaignWorkflowId).query(rosterQuery);
    const to: Recipient[] = units.map((u) => ({ name: u.contact.name, email: u.contact.email, role: 'unit-contact' }));
    if (to.length === 0) return { sent: 0 };
    await send({ ...input.request, to });
    return { sent: to.length };
  };
}
