import { log, ParentClosePolicy, startChild } from '@temporalio/workflow';
import { phaseReportWorkflowId, WORKFLOW_TASK_TIMEOUT } from '../contracts';
import type { CampaignCommand } from '../domain/campaign/campaign-commands';
import { roster } from '../domain/campaign/roster';
import { ALL_UNITS, sealMessage } from '../domain/access/message-seal';
import { fanout } from './activity-proxies';
import { tellAssessment } from './assessment-link';
import type { CampaignAccessHolder } from './campaign-access';
import { unitSetupBase } from './campaign-queries';
import type { CampaignRun } from './campaign-run';
import { phaseReportWorkflow } from './phase-report-workflow';
import { publishAndMail } from './report-mail';

export interface CommandRunner {
  execute: (command: CampaignCommand) => Promise<void>;
  /** Phase reports started by this run; its campaign's last run finishes after them. */
  reports: () => Promise<unknown>;
}

/** Turns the rules' commands into activities (the fan-out to units, mail) and report workflows. */
export function createCommandRunner(run: CampaignRun, holder: CampaignAccessHolder): CommandRunner {
  const { plan, info, notifier } = run;
  const reportsOfThisRun: Promise<unknown>[] = [];

  const broadcast = async (command: Extract<CampaignCommand, { type: 'broadcast' }>) => {
    const units = roster(plan, run.state());
    const unitIds = command.units === 'all' ? units.map((u) => u.id) : command.units;
    const access = holder.access();
    const start = command.start
      ? {
          base: unitSetupBase(run),
          units: units.filter((u) => unitIds.includes(u.id)),
          access:
            access && Object.fromEntries(unitIds.flatMap((id) => (access.units[id] ? [[id, access.units[id]]] : []))),
        }
      : undefined;
    await fanout.broadcastToUnits({
      campaignId: plan.campaign.id,
      taskQueue: run.input.unitTaskQueue ?? info.taskQueue,
      unitIds,
      event: command.event,
      // One seal for every unit it names: a unit left out of a return cannot be sent it.
      seal: sealMessage(run.input.messageKey, {
        channel: 'campaignEvent',
        from: 'campaign',
        seq: command.event.seq,
        to: command.units === 'all' ? [ALL_UNITS] : command.units,
        payload: command.event,
      }),
      start,
    });
    if (command.units === 'all') await tellAssessment(run, command.event);
  };

  // A phase report reads every unit; the next phase must not wait for it, and continue-as-new
  // waits only for its start.
  const phaseReport = (phaseId: string, revision = 1) => {
    const request = { campaignWorkflowId: info.workflowId, scope: 'phase' as const, phaseId, revision };
    const started = startChild(phaseReportWorkflow, {
      workflowId: phaseReportWorkflowId(info.workflowId, phaseId, revision),
      args: [{ request, context: run.context }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
    });
    notifier.track(started, `phase report ${phaseId} revision ${revision}`);
    reportsOfThisRun.push(started.then((report) => report.result()).catch(() => undefined));
  };

  const execute = async (command: CampaignCommand): Promise<void> => {
    switch (command.type) {
      case 'broadcast':
        return broadcast(command);
      case 'notify':
        return notifier.dispatch(command);
      case 'phase-report':
        return phaseReport(command.phaseId, command.revision);
      case 'final-report':
        // The summary is worth waiting for, but a report that cannot be compiled must not fail the campaign.
        await publishAndMail(
          {
            campaignWorkflowId: info.workflowId,
            scope: 'campaign',
            // The reception programmes beside the campaign: their counts join the report.
            receptionProgrammes: (plan.receptions ?? []).map((p) => p.id),
          },
          notifier,
        ).catch((err: unknown) => log.error('final report failed', { error: String(err) }));
        return;
    }
  };
  return { execute, reports: () => Promise.all(reportsOfThisRun) };
}
