import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { CampaignActivities } from '../activities/activity-types';
import {
  approveResultUpdate,
  assessmentResultQuery,
  assessmentStandingQuery,
  closeScoringUpdate,
  submitScoresUpdate,
  unitLinesQuery,
  unitResultQuery,
  type AssessmentStanding,
} from '../contracts/assessment';
import type { AssessmentModel } from '../domain/assessment/assessment-model';
import { closingFacts } from '../domain/assessment/campaign-facts';
import { linesForUnit } from '../domain/assessment/nominated-lines';
import type { UnitFacts } from '../domain/assessment/facts';
import type { AssessmentResult } from '../domain/assessment/result-schema';
import {
  approveResult,
  ApproveResultSchema,
  checkSubmission,
  closeScoring,
  CloseScoringSchema,
  lateAssessors,
  recordSubmission,
  SubmitScoresSchema,
  type ScoringState,
} from '../domain/assessment/scoring-session';
import type { AccessGate } from './access-gate';
import { parseOrReject, reject } from './reject';
import { setGuardedUpdate } from './validated-update';

/**
 * The scoring updates and queries of an assessment. Each update passes the credential gate first
 * (an assessor scores only as themself, a result is approved only by an approving leader; refused
 * credentials are audited), then the domain's rule, in the validator and again in the handler on
 * the same state; only the handler changes anything.
 */

export const campaignReads = proxyActivities<Pick<CampaignActivities, 'assessmentFacts'>>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

export interface AssessmentHost {
  model: AssessmentModel;
  gate: AccessGate;
  window: { opensAtMs: number; closesAtMs: number } | undefined;
  /** The campaign's facts per unit, when the assessment runs with a campaign; undefined otherwise. */
  campaignFacts: (() => Promise<Record<string, UnitFacts>>) | undefined;
  state: () => ScoringState;
  setState: (state: ScoringState) => void;
  files: () => AssessmentStanding['files'];
  onPublished: () => void;
  /** Why the assessment takes nothing more (its campaign was cancelled); undefined while it does. */
  closed: () => { code: string; message: string } | undefined;
  now: () => number;
}

type Verdict = { ok: true } | { ok: false; error: { code: string; message: string } };
const refuseIfBad = (verdict: Verdict): void => {
  if (!verdict.ok) reject(verdict.error);
};

const refuseIfClosed = (host: AssessmentHost): void => {
  const closed = host.closed();
  if (closed) reject(closed);
};

function registerScoring(host: AssessmentHost): void {
  const { model } = host;
  setGuardedUpdate(
    submitScoresUpdate,
    host.gate,
    'submitScores',
    (raw) => {
      refuseIfClosed(host);
      const submission = parseOrReject(SubmitScoresSchema, raw);
      refuseIfBad(checkSubmission(model, host.state(), submission, host.window, host.now()));
      return submission;
    },
    (submission) => {
      const recorded = recordSubmission(model, host.state(), submission, host.now());
      host.setState(recorded.state);
      return { recorded: submission.scores.length, replacing: recorded.replacing };
    },
  );

  setGuardedUpdate(
    closeScoringUpdate,
    host.gate,
    'closeScoring',
    (raw) => {
      refuseIfClosed(host);
      const request = parseOrReject(CloseScoringSchema, raw);
      // Computed with the office's facts here, so a result the scores cannot give is refused before history.
      refuseIfBad(closeScoring(model, host.state(), request.by, closingFacts(undefined, request.facts)));
      return request;
    },
    async (request): Promise<AssessmentResult> => {
      let campaign: Record<string, UnitFacts> | undefined;
      if (host.campaignFacts) {
        campaign = await host.campaignFacts().catch(() =>
          reject({
            code: 'facts_unavailable',
            message: "the campaign's facts about its units could not be read; nothing changed, close again",
          }),
        );
      }
      // Read again after the wait: another closing may have landed meanwhile.
      const closed = closeScoring(model, host.state(), request.by, closingFacts(campaign, request.facts));
      if (!closed.ok) return reject(closed.error);
      host.setState(closed.state);
      return closed.state.result as AssessmentResult;
    },
  );

  setGuardedUpdate(
    approveResultUpdate,
    host.gate,
    'approveResult',
    (raw) => {
      refuseIfClosed(host);
      const request = parseOrReject(ApproveResultSchema, raw);
      refuseIfBad(approveResult(model, host.state(), request.by));
      return request;
    },
    (request) => {
      const approved = approveResult(model, host.state(), request.by);
      if (!approved.ok) return reject(approved.error);
      host.setState(approved.state);
      host.onPublished();
      return standing(host);
    },
  );
}

function standing(host: AssessmentHost): AssessmentStanding {
  const state = host.state();
  const files = host.files();
  return {
    stage: state.stage,
    scoresRecorded: state.record.length,
    owing: lateAssessors(host.model, state),
    ...(state.approvedBy
      ? { approvedBy: state.approvedBy, approvedByName: host.model.assessors.get(state.approvedBy) ?? state.approvedBy }
      : {}),
    ...(files ? { files } : {}),
  };
}

export function registerAssessmentHandlers(host: AssessmentHost): void {
  registerScoring(host);
  setHandler(assessmentStandingQuery, () => standing(host));
  setHandler(assessmentResultQuery, () => host.state().result);
  setHandler(unitResultQuery, (unit) => {
    const state = host.state();
    return state.stage === 'published' ? state.result?.ranking.find((r) => r.entrant === unit) : undefined;
  });
  setHandler(unitLinesQuery, (unit) => {
    const { stage, result } = host.state();
    return stage === 'published' && result ? linesForUnit(host.model.assessment, result, unit) : undefined;
  });
}
