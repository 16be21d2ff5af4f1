import type { NotificationBody, NotificationRequest, Recipient } from '../../../domain/notifications/notification';
import {
  caseAssigned,
  caseClosed,
  caseDeadlineExtended,
  caseEscalated,
  caseOverdue,
  caseTransferred,
  closureReturned,
  closureSubmitted,
} from './case-templates';
import { deadlineExtended, dueSoon, escalation, overdue, publicNotice } from './deadline-templates';
import { digest } from './digest-templates';
import { contextFor, layout } from './layout';
import type { MessageContent, RenderedMessage, Template, TemplateContext } from './layout';
import { assessmentOverdue, assessmentPublished, assessmentReminder, rankingNotice } from './assessment-templates';
import { receptionDuty, receptionMissed, receptionSubstitute, receptionSummary } from './reception-templates';
import { campaignCancelled, dutyDue, phaseApproved, phaseOpened, phaseReturned, reportReady } from './phase-templates';

export type { RenderedMessage } from './layout';
export { escapeHtml, formatLateBy, formatPlanTime } from './format';

/** The mapped type makes a new kind in NotificationBodySchema a compile error here until it has a template. */
const templates: { [K in NotificationBody['kind']]: Template<K> } = {
  phase_opened: phaseOpened,
  due_soon: dueSoon,
  overdue,
  escalation,
  public_notice: publicNotice,
  phase_approved: phaseApproved,
  phase_returned: phaseReturned,
  deadline_extended: deadlineExtended,
  case_assigned: caseAssigned,
  case_overdue: caseOverdue,
  closure_returned: closureReturned,
  case_transferred: caseTransferred,
  case_escalated: caseEscalated,
  case_deadline_extended: caseDeadlineExtended,
  closure_submitted: closureSubmitted,
  case_closed: caseClosed,
  campaign_cancelled: campaignCancelled,
  report_ready: reportReady,
  duty_due: dutyDue,
  reception_duty: receptionDuty,
  reception_substitute: receptionSubstitute,
  reception_missed: receptionMissed,
  reception_summary: receptionSummary,
  assessment_reminder: assessmentReminder,
  assessment_overdue: assessmentOverdue,
  assessment_published: assessmentPublished,
  ranking_notice: rankingNotice,
  digest,
};

/** Pure: the same request and recipient always give the same message (a retried activity resends identical mail). */
export function renderNotification(request: NotificationRequest, recipient: Recipient): RenderedMessage {
  // TypeScript cannot correlate `templates[body.kind]` with `body`; the mapped type above guarantees it.
  const template = templates[request.body.kind] as (body: NotificationBody, ctx: TemplateContext) => MessageContent;
  return layout(template(request.body, contextFor(request, recipient)), request, recipient);
}
