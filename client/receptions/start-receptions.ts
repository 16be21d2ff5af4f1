import type { Client } from '@temporalio/client';
import { WORKFLOW_TASK_TIMEOUT } from '../../contracts';
import { receptionWorkflowId, type ReceptionProgrammeWorkflow } from '../../contracts/receptions';
import type { CampaignAccess } from '../../domain/access/credential-chain';
import type { PlanClock } from '../../domain/clock/plan-clock';
import type { Plan } from '../../domain/plan/schema';

/**
 * Starts one reception programme workflow per programme of the plan, beside the campaign (or alone,
 * for a plan with receptions only). Hand-overs file cases only where unit ledgers run, i.e. when
 * the plan has phases.
 */
export async function startReceptionProgrammes(
  client: Client,
  plan: Plan,
  options: { taskQueue: string; clock: PlanClock; access?: CampaignAccess },
): Promise<string[]> {
  const ids: string[] = [];
  for (const programme of plan.receptions ?? []) {
    const workflowId = receptionWorkflowId(plan.campaign.id, programme.id);
    await client.workflow.start<ReceptionProgrammeWorkflow>('receptionProgrammeWorkflow', {
      workflowId,
      taskQueue: options.taskQueue,
      args: [
        {
          plan,
          programmeId: programme.id,
          clock: options.clock,
          unitsRun: plan.phases.length > 0,
          access: options.access?.receptions?.[programme.id],
        },
      ],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
      memo: { title: `${plan.campaign.title}：${programme.name}` },
    });
    ids.push(workflowId);
  }
  return ids;
}
