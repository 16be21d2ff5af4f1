/** Workflow ids are derived, never stored: anyone who knows the campaign and unit can reach them. */
export function campaignWorkflowId(campaignId: string): string {
  return `campaign:${campaignId}`;
}

export function unitWorkflowId(campaignId: string, unitId: string): string {
  return `campaign:${campaignId}:unit:${unitId}`;
}

/** The workflow that compiles and mails one closed phase's report. */
export function phaseReportWorkflowId(campaignWorkflowId: string, phaseId: string): string {
  return `${campaignWorkflowId}:report:phase:${phaseId}`;
}
