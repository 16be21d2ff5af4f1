import { allHandlersFinished, condition, workflowInfo } from '@temporalio/workflow';
import type { ReportRequest } from '../activities/activity-types';
import { reports } from './activity-proxies';
import { createNotifier, type NotificationContext } from './notifier';

export interface PhaseReportInput {
  request: ReportRequest;
  context: NotificationContext;
}

/**
 * A closed phase's report, compiled and mailed apart from its campaign. At a thousand units the
 * report reads every unit for half a minute, and a report that keeps failing retries for longer:
 * run inside the campaign, it held back the campaign's continue-as-new all that time while units'
 * progress kept filling the history. Started abandoned, it also outlives the campaign run that
 * started it. The report and its mail keep their ids, so a second start sends nothing twice.
 */
export async function phaseReportWorkflow(input: PhaseReportInput): Promise<void> {
  const published = await reports.publishCampaignReport({ ...input.request, mailBy: 'workflow' });
  if (published.notification) {
    const notifier = createNotifier(input.context, workflowInfo().workflowId);
    notifier.send(published.notification, `report mail ${input.request.phaseId ?? 'final'}`);
    await condition(() => allHandlersFinished() && notifier.inflight() === 0);
  }
}
