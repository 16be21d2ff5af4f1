/** Workflow ids are derived, never stored: anyone who knows the campaign and unit can reach them. */
export function campaignWorkflowId(campaignId: string): string {
  return `campaign:${campaignId}`;
}

export function unitWorkflowId(campaignId: string, unitId: string): string {
  return `campaign:${campaignId}:unit:${unitId}`;
}

/**
 * The workflow that compiles and mails one revision of a closed phase's report. The first keeps the
 * id it always had; a reissue (domain/campaign/phase-report-revisions.ts) is a workflow of its own.
 */
export function phaseReportWorkflowId(campaignWorkflowId: string, phaseId: string, revision = 1): string {
  return `${campaignWorkflowId}:report:phase:${phaseId}${revision > 1 ? `:rev:${revision}` : ''}`;
}
