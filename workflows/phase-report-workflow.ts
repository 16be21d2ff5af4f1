import { allHandlersFinished, condition, workflowInfo } from '@temporalio/workflow';
import type { ReportRequest } from '../activities/activity-types';
import type { NotificationContext } from '../contracts';
import { createNotifier } from './notifier';
import { publishAndMail } from './report-mail';

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
  const notifier = createNotifier(input.context, workflowInfo().workflowId);
  await publishAndMail(input.request, notifier);
  await condition(() => allHandlersFinished() && notifier.inflight() === 0);
}
