import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { EntrantResult, AssessmentResult } from '../domain/assessment/result-schema';
import type { Stage } from '../domain/assessment/scoring-session';
import type { AccessRegistry } from '../domain/access/credential-chain';
import type { PlanClock } from '../domain/clock/plan-clock';
import type { Plan } from '../domain/plan/schema';
import type { z } from 'zod';
import type { ApproveResultSchema, CloseScoringSchema, SubmitScores } from '../domain/assessment/scoring-session';

/** The messages of a campaign's assessment (考核评比) workflow: scores in, result out. */

export interface AssessmentWorkflowInput {
  plan: Plan;
  clock: PlanClock;
  /** Chain ends of the office, the leaders and the panel for this workflow; absent without credentials. */
  access?: AccessRegistry;
  /**
   * Started with a campaign (`campaign start`): closing reads the campaign's facts about each unit
   * and ranking notices rank its units. A workflow started alone takes facts only from the office.
   */
  campaignAttached?: boolean;
  /** The campaign's key for sealed messages: its pauses and end reach the assessment sealed with it. */
  messageKey?: string;
}

export type AssessmentWorkflow = (input: AssessmentWorkflowInput) => Promise<AssessmentResult | undefined>;

/** Beside the campaign's workflow, named so the credential interceptor knows the campaign. */
export const assessmentWorkflowId = (campaignId: string): string => `campaign:${campaignId}:assessment`;

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
  /** The approving leader's name as the plan gives it (孙局长). */
  approvedByName?: string;
  /** The published result's report files (MD/HTML/CSV), by reference, once stored. */
  files?: { name: string; ref: string; mediaType: string }[];
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
/** A unit's lines: its own and those of the entrants it nominated (申报单位); undefined until published. */
export const unitLinesQuery = defineQuery<EntrantResult[] | undefined, [string]>('unitLines');
