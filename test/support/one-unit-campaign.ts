import type { Client, WorkflowHandle } from '@temporalio/client';
import { benchPlan } from '../../bench/bench-plan';
import { startCampaign } from '../../client/start-campaign';
import { asOfNow, campaignStatusQuery, unitStatusQuery, unitWorkflowId, type CampaignWorkflow } from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { eventually } from './eventually';

// One plan day per real minute: every deadline of the bench plan is months of plan time away.
const SCALE = 86_400_000 / 60_000;

export interface OneUnitCampaign {
  id: string;
  campaign: WorkflowHandle<CampaignWorkflow>;
  /** unit-00001, owing the first phase's two reports. */
  unit: WorkflowHandle;
}

/**
 * The bench plan with a single unit, rehearsed slowly enough that nothing falls due, returned once
 * its first phase has reached the unit: a quiet campaign in which a test sees one unit's history.
 */
export async function startOneUnitCampaign(client: Client, taskQueue: string, name: string): Promise<OneUnitCampaign> {
  const id = uniqueId(name);
  const campaign = await startCampaign(client, benchPlan(id, 1), {
    taskQueue,
    startedBy: 'office',
    rehearsalScale: SCALE,
  });
  await eventually(
    () => campaign.query(campaignStatusQuery, asOfNow()),
    (s) => s.currentPhase?.id === 'phase-1',
    { what: 'the first phase' },
  );
  const unit = client.workflow.getHandle(unitWorkflowId(id, 'unit-00001'));
  await eventually(
    () => unit.query(unitStatusQuery, asOfNow()),
    (s) => s.rows.length === 2,
    { what: 'the unit to owe the first phase' },
  );
  return { id, campaign, unit };
}
