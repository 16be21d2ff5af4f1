import { randomBytes } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { campaignClock, type CampaignClockOptions } from '../domain/clock/campaign-clock';
import type { CampaignAccess } from '../domain/access/credential-chain';
import type { PlanClock } from '../domain/clock/plan-clock';
import type { Plan } from '../domain/plan/schema';
import { campaignWorkflowId, WORKFLOW_TASK_TIMEOUT, type CampaignWorkflow } from '../contracts';
import { assessmentWorkflowId, type AssessmentWorkflow } from '../contracts/assessment';
import { startReceptionProgrammes } from './receptions/start-receptions';
import { namespaceHasCampaignAttributes } from './search-attribute-check';
import { clearDetails, clearSummary } from '../contracts/clear-summary';
import { campaignDetails, campaignSummary } from '../domain/plan/operator-summaries';

export interface StartCampaignOptions extends CampaignClockOptions {
  taskQueue: string;
  startedBy: string;
  /** Runs under another id, e.g. a rehearsal beside the live campaign. */
  campaignId?: string;
  nowMs?: number;
  /** Credential chain ends from issueCredentials; without them anyone may act (rehearsals, tests). */
  access?: CampaignAccess;
  /**
   * Where the unit workflows run: `unitTaskQueueOf(taskQueue)` for a campaign worker, which
   * serves both queues. Absent, units share the campaign's queue (a test's single Worker).
   */
  unitTaskQueue?: string;
  /** The key that seals the campaign's internal messages; a fresh random one when absent (tests pass their own). */
  messageKey?: string;
}

export async function startCampaign(
  client: Client,
  plan: Plan,
  options: StartCampaignOptions,
): Promise<WorkflowHandle<CampaignWorkflow>> {
  const id = options.campaignId ?? plan.campaign.id;
  const runPlan: Plan = { ...plan, campaign: { ...plan.campaign, id } };
  const clock = campaignClock(plan, options, options.nowMs ?? Date.now());
  // A plan with receptions only runs no phase machinery: its programmes are all there is.
  const handle =
    plan.phases.length === 0
      ? client.workflow.getHandle<CampaignWorkflow>(campaignWorkflowId(id))
      : await startCampaignWorkflow(client, runPlan, clock, options);
  await startReceptionProgrammes(client, runPlan, { taskQueue: options.taskQueue, clock, access: options.access });
  return handle;
}

async function startCampaignWorkflow(client: Client, runPlan: Plan, clock: PlanClock, options: StartCampaignOptions) {
  const plan = runPlan;
  const id = runPlan.campaign.id;
  // Made here, never logged nor kept: it lives only in the campaign's and its assessment's encrypted input.
  const messageKey = options.messageKey ?? randomBytes(32).toString('hex');
  const handle = await client.workflow.start<CampaignWorkflow>('campaignWorkflow', {
    workflowId: campaignWorkflowId(id),
    taskQueue: options.taskQueue,
    args: [
      {
        plan: runPlan,
        clock,
        startedBy: options.startedBy,
        access: options.access,
        unitTaskQueue: options.unitTaskQueue,
        messageKey,
        searchAttributes: await namespaceHasCampaignAttributes(client),
      },
    ],
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
    // What the Web UI shows without the codec (contracts/clear-summary.ts).
    staticSummary: clearSummary(campaignSummary(runPlan, Boolean(options.rehearsalScale))),
    staticDetails: clearDetails(campaignDetails(runPlan)),
    // `credentials: false` is what every view shows of a campaign anyone who reaches Temporal may drive.
    memo: {
      title: plan.campaign.title,
      rehearsal: Boolean(options.rehearsalScale),
      credentials: options.access !== undefined,
    },
  });
  // A plan that ends in a judgement (考核评比) takes its scores in a workflow of its own.
  if (runPlan.assessment) {
    await client.workflow.start<AssessmentWorkflow>('assessmentWorkflow', {
      workflowId: assessmentWorkflowId(id),
      taskQueue: options.taskQueue,
      args: [{ plan: runPlan, clock, access: options.access?.assessment, campaignAttached: true, messageKey }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  }
  return handle;
}
