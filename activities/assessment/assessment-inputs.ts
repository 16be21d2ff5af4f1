import type { AssessmentResult } from '../../domain/assessment/result-schema';

/** The inputs of the assessment's activities, apart from their code so activity-types.ts imports no implementation. */

export interface AssessmentFactsInput {
  campaignId: string;
  unitIds: string[];
}

export interface AssessmentReportInput {
  result: AssessmentResult;
  approvedBy: string;
  rehearsal: boolean;
}

export interface PublishAssessmentInput extends AssessmentReportInput {
  campaignId: string;
}
