import type { Client, WorkflowHandle } from '@temporalio/client';
import { liveClock, rehearsalClock, type PlanClock } from '../domain/clock/plan-clock';
import { localToInstant } from '../domain/calendar/local-time';
import type { CampaignAccess } from '../domain/access/credential-chain';
import type { Plan } from '../domain/plan/schema';
import { campaignWorkflowId, WORKFLOW_TASK_TIMEOUT, type CampaignWorkflow } from '../contracts';
import { startReceptionProgrammes } from './receptions/start-receptions';

export interface StartCampaignOptions {
  taskQueue: string;
  startedBy: string;
  /** Plan time runs this many times faster than real time, starting at the plan's first day. */
  rehearsalScale?: number;
  /** Plan time a rehearsal runs before its first phase, so unit workflows settle before anything is due. */
  rehearsalLeadInMs?: number;
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
}

/** Where a rehearsal's plan clock starts: midnight before the first phase, or now if the plan has no dates. */
export function rehearsalOriginMs(plan: Plan, nowMs: number): number {
  const first = plan.phases[0]?.window;
  const reception = plan.phases.length === 0 ? plan.receptions?.[0]?.from : undefined;
  if (reception) return localToInstant(reception, '00:00', plan.campaign.timeZone);
  return first && 'start' in first ? localToInstant(first.start, '00:00', plan.campaign.timeZone) : nowMs;
}

export function clockFor(
  plan: Plan,
  options: Pick<StartCampaignOptions, 'rehearsalScale' | 'rehearsalLeadInMs' | 'nowMs'>,
): PlanClock {
  const nowMs = options.nowMs ?? Date.now();
  const origin = rehearsalOriginMs(plan, nowMs) - (options.rehearsalLeadInMs ?? 0);
  return options.rehearsalScale ? rehearsalClock(origin, nowMs, options.rehearsalScale) : liveClock(nowMs);
}

export async function startCampaign(
  client: Client,
  plan: Plan,
  options: StartCampaignOptions,
): Promise<WorkflowHandle<CampaignWorkflow>> {
  const id = options.campaignId ?? plan.campaign.id;
  const runPlan: Plan = { ...plan, campaign: { ...plan.campaign, id } };
  const clock = clockFor(plan, options);
  // A plan with receptions only runs no phase machinery: its programmes are all there is.
  const handle =
    plan.phases.length === 0
      ? client.workflow.getHandle<CampaignWorkflow>(campaignWorkflowId(id))
      : await startCampaignWorkflow(client, runPlan, clock, options);
  await startReceptionProgrammes(client, runPlan, { taskQueue: options.taskQueue, clock, access: options.access });
  return handle;
}

function startCampaignWorkflow(client: Client, runPlan: Plan, clock: PlanClock, options: StartCampaignOptions) {
  const plan = runPlan;
  const id = runPlan.campaign.id;
  return client.workflow.start<CampaignWorkflow>('campaignWorkflow', {
    workflowId: campaignWorkflowId(id),
    taskQueue: options.taskQueue,
    args: [
      {
        plan: runPlan,
        clock,
        startedBy: options.startedBy,
        access: options.access,
        unitTaskQueue: options.unitTaskQueue,
      },
    ],
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
    memo: { title: plan.campaign.title, rehearsal: Boolean(options.rehearsalScale) },
  });
}
