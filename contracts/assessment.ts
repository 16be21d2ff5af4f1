import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { EntrantResult, AssessmentResult } from '../domain/assessment/result-schema';
import type { Stage } from '../domain/assessment/scoring-session';
import type { PlanClock } from '../domain/clock/plan-clock';
import type { Plan } from '../domain/plan/schema';
import type { z } from 'zod';
import type { ApproveResultSchema, CloseScoringSchema, SubmitScores } from '../domain/assessment/scoring-session';

/** The messages of a campaign's assessment (考核评比) workflow: scores in, result out. */

export interface AssessmentWorkflowInput {
  plan: Plan;
  clock: PlanClock;
}

export type AssessmentWorkflow = (input: AssessmentWorkflowInput) => Promise<AssessmentResult | undefined>;

export const assessmentWorkflowId = (campaignId: string): string => `${campaignId}/assessment`;

export interface ScoresReceipt {
  recorded: number;
  /** Scores of this sheet that replace one the same assessor sent before for the same unit and item. */
  replacing: number;
}

export interface AssessmentStanding {
  stage: Stage;
  scoresRecorded: number;
  owing: { assessor: string; missing: number }[];
  approvedBy?: string;
}

export const submitScoresUpdate = defineUpdate<ScoresReceipt, [SubmitScores]>('submitScores');
export const closeScoringUpdate = defineUpdate<AssessmentResult, [z.input<typeof CloseScoringSchema>]>('closeScoring');
export const approveResultUpdate = defineUpdate<AssessmentStanding, [z.input<typeof ApproveResultSchema>]>(
  'approveResult',
);
export const assessmentStandingQuery = defineQuery<AssessmentStanding>('assessmentStanding');
/** The office's and leaders' view: the whole result once computed (before approval too). */
export const assessmentResultQuery = defineQuery<AssessmentResult | undefined>('assessmentResult');
/** A unit's view: its own line, and only once the result is published. */
export const unitResultQuery = defineQuery<EntrantResult | undefined, [string]>('unitResult');
