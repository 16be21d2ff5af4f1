import type { Client } from '@temporalio/client';
import { campaignWorkflowId, unitWorkflowId } from '../contracts';
import type { OursFigures } from './figures';
import { encodedHistory, historiesByWorkflow, total } from './histories';
import { sleep } from './load';

/** History of the campaign and of every unit (every run of each), and what that comes to per unit. */
export async function oursHistory(client: Client, campaignId: string, units: number): Promise<OursFigures['history']> {
  const campaignSizes = await historiesByWorkflow(client, `WorkflowId = "${campaignWorkflowId(campaignId)}"`);
  const unitQuery = `WorkflowId STARTS_WITH "${unitWorkflowId(campaignId, '')}" AND WorkflowType = "unitWorkflow"`;
  let unitSizes = await historiesByWorkflow(client, unitQuery);
  // Visibility is written asynchronously: give the last closes a moment to show.
  for (let attempt = 0; unitSizes.size < units && attempt < 20; attempt++) {
    await sleep(500);
    unitSizes = await historiesByWorkflow(client, unitQuery);
  }
  const campaign = total(campaignSizes.values());
  const unitsTotal = total(unitSizes.values());
  const sampleId = [...unitSizes.keys()].sort()[0] ?? '';
  const encoded = await encodedHistory(client, sampleId);
  // Should visibility still miss a few units, the mean of those found stands in for them.
  const found = Math.max(1, unitSizes.size);
  return {
    campaign,
    units: unitsTotal,
    unitWorkflowsFound: unitSizes.size,
    perUnit: {
      events: campaign.events / units + unitsTotal.events / found,
      bytes: campaign.bytes / units + unitsTotal.bytes / found,
    },
    check: {
      workflowId: sampleId,
      encodedBytes: encoded.bytes,
      visibilityBytes: unitSizes.get(sampleId)?.bytes ?? 0,
      eventTypes: encoded.eventTypes,
    },
  };
}
