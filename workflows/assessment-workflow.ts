import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import {
  approveResultUpdate,
  assessmentResultQuery,
  assessmentStandingQuery,
  closeScoringUpdate,
  submitScoresUpdate,
  unitResultQuery,
  type AssessmentStanding,
  type AssessmentWorkflowInput,
} from '../contracts/assessment';
import { assessmentModel } from '../domain/assessment/assessment-model';
import { AssessmentFactsSchema } from '../domain/assessment/facts';
import type { AssessmentResult } from '../domain/assessment/result-schema';
import {
  approveResult,
  ApproveResultSchema,
  checkSubmission,
  closeScoring,
  CloseScoringSchema,
  initialScoring,
  lateAssessors,
  recordSubmission,
  scoringWindow,
  SubmitScoresSchema,
  type ScoringState,
} from '../domain/assessment/scoring-session';
import { planNow } from '../domain/clock/plan-clock';
import { parseOrReject, reject } from './reject';

/**
 * A campaign's assessment, durable: assessors send their scores (each update checked against the
 * plan in its validator, synchronously, so a refused sheet never reaches history), the office
 * closes scoring and the domain computes the result, a leader approves it, and then it is
 * published: units may read their own line. Every rule is in domain/assessment/scoring-session.ts.
 */
export async function assessmentWorkflow(input: AssessmentWorkflowInput): Promise<AssessmentResult | undefined> {
  const { plan, clock } = input;
  if (!plan.assessment) return undefined;
  const model = assessmentModel({ ...plan, assessment: plan.assessment });
  const window = scoringWindow(plan);
  let state: ScoringState = initialScoring();
  const refuseIfBad = (verdict: { ok: true } | { ok: false; error: { code: string; message: string } }) => {
    if (!verdict.ok) reject(verdict.error);
  };
  const standing = (): AssessmentStanding => ({
    stage: state.stage,
    scoresRecorded: state.record.length,
    owing: lateAssessors(model, state),
    ...(state.approvedBy ? { approvedBy: state.approvedBy } : {}),
  });

  setHandler(
    submitScoresUpdate,
    (raw) => {
      const submission = SubmitScoresSchema.parse(raw);
      const recorded = recordSubmission(model, state, submission, Date.now());
      state = recorded.state;
      return { recorded: submission.scores.length, replacing: recorded.replacing };
    },
    {
      validator: (raw) => {
        const submission = parseOrReject(SubmitScoresSchema, raw);
        refuseIfBad(checkSubmission(model, state, submission, window, planNow(clock, Date.now())));
      },
    },
  );

  setHandler(
    closeScoringUpdate,
    (raw) => {
      const request = CloseScoringSchema.parse(raw);
      const closed = closeScoring(model, state, request.by, request.facts ?? AssessmentFactsSchema.parse({}));
      if (!closed.ok) return reject(closed.error);
      state = closed.state;
      return closed.state.result as AssessmentResult;
    },
    {
      // Computed here too, so a result that cannot be computed is refused before it reaches history.
      validator: (raw) => {
        const request = parseOrReject(CloseScoringSchema, raw);
        refuseIfBad(closeScoring(model, state, request.by, request.facts ?? AssessmentFactsSchema.parse({})));
      },
    },
  );

  setHandler(
    approveResultUpdate,
    (raw) => {
      const approved = approveResult(model, state, ApproveResultSchema.parse(raw).by);
      if (!approved.ok) return reject(approved.error);
      state = approved.state;
      return standing();
    },
    { validator: (raw) => refuseIfBad(approveResult(model, state, parseOrReject(ApproveResultSchema, raw).by)) },
  );

  setHandler(assessmentStandingQuery, standing);
  setHandler(assessmentResultQuery, () => state.result);
  setHandler(unitResultQuery, (unit) =>
    state.stage === 'published' ? state.result?.ranking.find((r) => r.entrant === unit) : undefined,
  );

  await condition(() => state.stage === 'published' && allHandlersFinished());
  return state.result;
}
