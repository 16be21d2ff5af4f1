import path from 'node:path';
import { readBoundedFile } from '../../activities/files/bounded-file';
import { DEFAULT_REPORT_LIMITS } from '../../activities/reports/report-limits';
import type {
  ActionReceipt,
  ApprovePhaseInput,
  CaseEventResult,
  CasesFilter,
  FileCasesInput,
  FileCasesResult,
  ReturnPhaseInput,
  SubmissionReceipt,
} from '../../contracts';
import type { AssessmentStanding, ScoresReceipt } from '../../contracts/assessment';
import type { AssessmentFacts } from '../../domain/assessment/facts';
import type { AssessmentResult, EntrantResult } from '../../domain/assessment/result-schema';
import type { TimelineEntry } from '../../domain/campaign/campaign-state';
import type { CaseEventInput } from '../../domain/cases/case-events';
import type { UnitLogEntry } from '../../domain/unit/unit-state';
import type { AuditLog } from '../../domain/access/audit-log';
import type { Case } from '../../domain/cases/case-schema';
import type { EscalationEntry } from '../../domain/unit/unit-state';
import type { CampaignStatus, OverdueRow } from '../../domain/campaign/campaign-status';
import type { Report } from '../../domain/reports/report-schema';
import type { UnitStatusView } from '../../domain/unit/unit-status-view';
import type { PublishedStatusView } from '../status/read-published-status';
import type { ServiceClient } from './service-client';
import type { NotificationLogEntry } from '../../activities/notify/notification-log';

/**
 * The CLI commands' questions, asked of the campaign service instead of Temporal: each answers
 * with the same object the local path prints, so one renderer serves both.
 */

const campaignPath = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}`;
const unitPath = (campaignId: string, unitId: string) =>
  `${campaignPath(campaignId)}/units/${encodeURIComponent(unitId)}`;

export const remoteUnitView = (
  svc: ServiceClient,
  campaignId: string,
  unitId: string,
  todo: { all: boolean } | null,
) =>
  todo === null
    ? svc.get<UnitStatusView>(`${unitPath(campaignId, unitId)}/status`)
    : svc.get<UnitStatusView>(`${unitPath(campaignId, unitId)}/todo`, { all: String(todo.all) });

export const remoteGlance = (svc: ServiceClient, campaignId: string) =>
  svc.get<PublishedStatusView>(`${campaignPath(campaignId)}/glance`);

export const remoteStatus = (svc: ServiceClient, campaignId: string) =>
  svc.get<CampaignStatus & { rehearsal: boolean }>(`${campaignPath(campaignId)}/status`);

export const remoteOverdue = (svc: ServiceClient, campaignId: string) =>
  svc.get<OverdueRow[]>(`${campaignPath(campaignId)}/overdue`);

export const remoteEscalations = (svc: ServiceClient, campaignId: string) =>
  svc.get<(EscalationEntry & { unitId: string })[]>(`${campaignPath(campaignId)}/escalations`);

export const remoteApprove = (svc: ServiceClient, campaignId: string, input: Omit<ApprovePhaseInput, 'by'>) =>
  svc.post<ActionReceipt>(`${campaignPath(campaignId)}/approve`, input);

export const remoteReturn = (svc: ServiceClient, campaignId: string, input: Omit<ReturnPhaseInput, 'by'>) =>
  svc.post<ActionReceipt>(`${campaignPath(campaignId)}/return`, input);

export function remoteCases(svc: ServiceClient, campaignId: string, unitId: string, filter: CasesFilter) {
  return svc.get<Case[]>(`${unitPath(campaignId, unitId)}/cases`, {
    status: filter.status,
    unreconciled: filter.unreconciled ? 'true' : undefined,
    overdue: filter.overdue ? 'true' : undefined,
  });
}

/** The campaign's timeline, or one unit's log. */
export const remoteTimeline = (svc: ServiceClient, campaignId: string, unitId?: string) =>
  unitId === undefined
    ? svc.get<TimelineEntry[]>(`${campaignPath(campaignId)}/timeline`)
    : svc.get<UnitLogEntry[]>(`${unitPath(campaignId, unitId)}/timeline`);

/** One case filed (立案); the service files it for the unit in the path, as the signed-in holder. */
export const remoteFileCase = (
  svc: ServiceClient,
  campaignId: string,
  unitId: string,
  filing: FileCasesInput['filings'][number],
) => svc.post<FileCasesResult>(`${unitPath(campaignId, unitId)}/cases`, filing);

/** A case event; who acts is the session's holder, so the event's own `by` is not sent. */
export function remoteCaseEvent(
  svc: ServiceClient,
  campaignId: string,
  unitId: string,
  event: Extract<CaseEventInput, { caseId: string }>,
) {
  const { caseId, by: _by, ...body } = event;
  return svc.post<CaseEventResult>(`${unitPath(campaignId, unitId)}/cases/${encodeURIComponent(caseId)}/events`, body);
}

export const remoteLedgerStats = <T>(svc: ServiceClient, campaignId: string, unitId?: string) =>
  svc.get<T>(`${unitId === undefined ? campaignPath(campaignId) : unitPath(campaignId, unitId)}/ledger/stats`);

/** The whole ledger as the service writes it; petitioners unmasked only for the office. */
export const remoteLedgerExport = (
  svc: ServiceClient,
  campaignId: string,
  options: { format: 'csv' | 'xlsx'; personalData: boolean },
) =>
  svc.bytes(`${campaignPath(campaignId)}/ledger/export`, {
    format: options.format,
    personalData: options.personalData ? 'true' : undefined,
  });

/** The assessment (考核评比) through the service: the holder of the session scores, closes or approves. */
export const remoteAssessment = {
  score: (svc: ServiceClient, campaignId: string, scores: { unit: string; item: string; score: string }[]) =>
    svc.post<ScoresReceipt>(`${campaignPath(campaignId)}/assessment/scores`, { scores }),
  close: (svc: ServiceClient, campaignId: string, facts: AssessmentFacts | undefined) =>
    svc.post<AssessmentResult>(`${campaignPath(campaignId)}/assessment/close`, facts ? { facts } : {}),
  approve: (svc: ServiceClient, campaignId: string) =>
    svc.post<AssessmentStanding>(`${campaignPath(campaignId)}/assessment/approve`, {}),
  view: (svc: ServiceClient, campaignId: string) =>
    svc.get<{ standing: AssessmentStanding; result?: AssessmentResult }>(`${campaignPath(campaignId)}/assessment`),
  unit: (svc: ServiceClient, campaignId: string, unitId: string) =>
    svc.get<EntrantResult>(`${unitPath(campaignId, unitId)}/assessment`),
};

export const remoteNotifications = (svc: ServiceClient, campaignId: string, last?: number) =>
  svc.get<{ campaignId: string; entries: NotificationLogEntry[] }>(`${campaignPath(campaignId)}/notifications`, {
    last: last === undefined ? undefined : String(last),
  });

export const remoteAudit = (svc: ServiceClient, campaignId: string) =>
  svc.get<{
    campaign: AuditLog;
    service: { scope: string; actor: string; action: string; at: string; detail?: string }[];
  }>(`${campaignPath(campaignId)}/audit`);

export const remoteReport = (svc: ServiceClient, campaignId: string, format: 'md' | 'html' | 'csv') =>
  svc.text(`${campaignPath(campaignId)}/report`, { format });

/** A submission with its files, sent as the console's form sends it; the files were checked already. */
export async function remoteSubmit(
  svc: ServiceClient,
  campaignId: string,
  unitId: string,
  input: { deliverableId: string; occurrence?: string; report: Omit<Report, 'attachments'>; files: string[] },
) {
  const form = new FormData();
  form.append('deliverableId', input.deliverableId);
  if (input.occurrence !== undefined) form.append('occurrence', input.occurrence);
  const { text, ...structured } = input.report;
  if (text !== undefined) form.append('text', text);
  if (Object.keys(structured).length > 0) form.append('report', JSON.stringify(structured));
  for (const file of input.files) {
    const bytes = await readBoundedFile(file, DEFAULT_REPORT_LIMITS.maxFileBytes);
    form.append('file', new Blob([new Uint8Array(bytes)]), path.basename(file));
  }
  return svc.postForm<SubmissionReceipt & { files: { name: string }[] }>(
    `${unitPath(campaignId, unitId)}/submissions`,
    form,
  );
}
