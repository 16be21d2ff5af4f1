import { ApplicationFailure } from '@temporalio/activity';
import { withStoredAttachments } from './attachment-check';
import { compileCampaignReport } from './compile-report';
import { CampaignReportInputSchema } from './report-input';
import type { CampaignReportInputData } from './report-input';
import type { ReportStore } from './report-store';

export { withStoredAttachments } from './attachment-check';
export { compileCampaignReport } from './compile-report';
export type { CompiledReport } from './compile-report';
export * from './report-input';
export {
  ALLOWED_MEDIA_TYPES,
  DEFAULT_REPORT_LIMITS,
  ReportLimitError,
  checkAttachment,
  checkSubmission,
  mediaTypeFor,
  storeReportFiles,
} from './report-limits';
export type { Attachment, AttachmentCheck, ReportFileRef, ReportLimits } from './report-limits';
export { createFolderReportStore, InvalidReportRefError, ReportNotFoundError, parseRef, refFor } from './report-store';
export type { ReportMeta, ReportStat, ReportStore } from './report-store';

export interface PublishedReport {
  files: Array<{ name: string; ref: string; mediaType: string }>;
}

/** Report activities. `publishReport` returns references only; the office's mail is sent apart (see publish-campaign-report.ts). */
export function createReportActivities(deps: { store: ReportStore }) {
  async function publishReport(data: CampaignReportInputData): Promise<PublishedReport> {
    const parsed = CampaignReportInputSchema.safeParse(data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
      // A malformed snapshot is a workflow bug; retrying cannot fix it.
      throw ApplicationFailure.nonRetryable(
        `invalid report input: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        'InvalidReportInput',
        issues,
      );
    }
    // The files units attached, looked up in the store this host shares with the others.
    const input = await withStoredAttachments(parsed.data, deps.store);
    const report = compileCampaignReport(input);
    const revision = input.revision > 1 ? `-r${input.revision}` : '';
    const stem = `${input.campaignId}-${input.scope === 'phase' ? (input.phases[0]?.phaseId ?? 'phase') : 'campaign'}-report${revision}`;
    const outputs = [
      { name: `${stem}.md`, mediaType: 'text/markdown', text: report.markdown },
      { name: `${stem}.html`, mediaType: 'text/html', text: report.html },
      { name: `${stem}.csv`, mediaType: 'text/csv', text: report.csv },
      ...(report.receptionsCsv
        ? [{ name: `${stem}-receptions.csv`, mediaType: 'text/csv', text: report.receptionsCsv }]
        : []),
      ...(report.assessmentCsv
        ? [{ name: `${stem}-assessment.csv`, mediaType: 'text/csv', text: report.assessmentCsv }]
        : []),
    ];
    const files: PublishedReport['files'] = [];
    for (const output of outputs) {
      const ref = await deps.store.put(Buffer.from(output.text, 'utf8'), {
        name: output.name,
        mediaType: output.mediaType,
      });
      files.push({ name: output.name, ref, mediaType: output.mediaType });
    }
    return { files };
  }

  return { publishReport };
}
