import type { ReportRequest } from '../activities/activity-types';
import { reports } from './activity-proxies';
import type { Notifier } from './notifier';

/**
 * Compiles a report and mails its notice to the office under the mail policy, which outlasts a
 * day-long SMTP outage (the report activity itself only compiles and stores). Shared by the
 * campaign's final report and the phase-report workflow.
 */
export async function publishAndMail(request: ReportRequest, notifier: Notifier) {
  const published = await reports.publishCampaignReport(request);
  notifier.send(published.notification, `report mail ${request.phaseId ?? 'final'}`);
  return published;
}
