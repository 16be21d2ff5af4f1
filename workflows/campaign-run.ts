import { workflowInfo, type WorkflowInfo } from '@temporalio/workflow';
import { notificationContextOf, type CampaignWorkflowInput, type NotificationContext } from '../contracts';
import type { CampaignCommand } from '../domain/campaign/campaign-commands';
import { initialCampaignState, type CampaignState } from '../domain/campaign/campaign-state';
import type { ActionOutcome } from '../domain/campaign/rule-result';
import { planNow } from '../domain/clock/plan-clock';
import type { Plan } from '../domain/plan/schema';
import { createNotifier, type Notifier } from './notifier';

/**
 * What every part of one campaign run shares: the plan, its clock, the state the rules return and
 * the commands they queue. The handlers (campaign-access.ts, campaign-actions.ts,
 * campaign-queries.ts) and the command runner (campaign-commands.ts) are built around it.
 */
export interface CampaignRun {
  input: CampaignWorkflowInput;
  plan: Plan;
  info: WorkflowInfo;
  context: NotificationContext;
  notifier: Notifier;
  /** Commands the rules asked for, run in order by the workflow's loop. */
  queue: CampaignCommand[];
  state: () => CampaignState;
  /** Keeps a rule's new state and queues its commands. */
  take: (outcome: ActionOutcome) => void;
  /** Plan time now. */
  now: () => number;
  /** Calls `listener` after every state a rule returns (the search attributes follow it). */
  watch: (listener: () => void) => void;
}

export function createCampaignRun(input: CampaignWorkflowInput): CampaignRun {
  const { plan, clock } = input;
  const info = workflowInfo();
  const now = () => planNow(clock, Date.now());
  let state = input.carried ?? initialCampaignState(plan.phases, now());
  const queue: CampaignCommand[] = [];
  const listeners: Array<() => void> = [];
  const context: NotificationContext = { ...notificationContextOf(plan, clock), campaignWorkflowId: info.workflowId };
  const notifier = createNotifier(context, info.workflowId);
  // Mail still retrying when the last run's history was full goes on here.
  notifier.resume(input.carriedMail);
  return {
    input,
    plan,
    info,
    context,
    notifier,
    queue,
    state: () => state,
    take: (outcome) => {
      state = outcome.state;
      for (const command of outcome.commands) {
        // A unit's workflow starts before anything else is sent: a broadcast to every unit already
        // queued would otherwise reach a unit that does not exist yet.
        if (command.type === 'broadcast' && command.start) queue.unshift(command);
        else queue.push(command);
      }
      for (const listener of listeners) listener();
    },
    now,
    watch: (listener) => void listeners.push(listener),
  };
}
