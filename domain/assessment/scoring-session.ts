import { z } from 'zod';
import { addDays, localToInstant } from '../calendar/local-time';
import type { Plan } from '../plan/schema';
import { scoringDates } from './assessment-alarms';
import type { AssessmentModel } from './assessment-model';
import { computeAssessment } from './compute-assessment';
import { AssessmentFactsSchema, type AssessmentFacts } from './facts';
import type { AssessmentResult } from './result-schema';
import { checkScore, readScoreSheet, type ScoreRow } from './score-sheet';

/**
 * Scoring during a campaign, as pure rules: assessors send their scores while the window is open
 * (each only their own), every submission is kept in order (a later score for the same assessor,
 * unit and item replaces the earlier one; both stay on record), the office closes scoring and the
 * result is computed, a leader approves it, and only then is it published. A unit is shown its
 * own line of a published result, never anyone else's.
 */

export const ScoreInputSchema = z.object({
  unit: z.string().trim().min(1).max(100),
  item: z.string().trim().min(1).max(100),
  score: z.string().trim().min(1).max(20),
});

export const SubmitScoresSchema = z.object({
  /** The assessor sending: a leader's or panel member's id. */
  by: z.string().trim().min(1).max(64),
  scores: z.array(ScoreInputSchema).min(1).max(1_000),
});
export type SubmitScores = z.infer<typeof SubmitScoresSchema>;

export const CloseScoringSchema = z.object({ by: z.string().min(1).max(64), facts: AssessmentFactsSchema.optional() });
export const ApproveResultSchema = z.object({ by: z.string().min(1).max(64) });

export type Stage = 'scoring' | 'computed' | 'published';

export interface ScoringState {
  stage: Stage;
  /** Every score received, in order; a row's number is its place in this record. */
  record: (ScoreRow & { atMs: number })[];
  result?: AssessmentResult;
  approvedBy?: string;
}

export const initialScoring = (): ScoringState => ({ stage: 'scoring', record: [] });

/**
 * The person a `by` names: with credentials the gate writes the credential's principal there
 * (`assessor:judge-1`, or `leader:head (孙局长)` when --as also gave a name); without, it is the
 * id or name the caller gave. Either way the domain compares plain ids.
 */
export function actingId(by: string): string {
  return by
    .replace(/ \(.*\)$/, '')
    .replace(/^(leader|assessor):/, '')
    .trim();
}

/**
 * The assessor a credential's holder claims to be, when it is someone else: `assessor:judge-2
 * (judge-1)` is judge-2's credential sending as judge-1. Nobody sends another's scores.
 */
function claimedOther(model: AssessmentModel, by: string): string | undefined {
  const match = /^(?:leader|assessor):(\S+) \((.*)\)$/.exec(by);
  if (!match) return undefined;
  const [, holder = '', claimed = ''] = match;
  const named = [...model.assessors].find(([id, name]) => id === claimed || name === claimed)?.[0];
  return named !== undefined && named !== holder ? named : undefined;
}

type Refusal = { ok: false; error: { code: string; message: string } };
const refuse = (code: string, message: string): Refusal => ({ ok: false, error: { code, message } });

/** The window in plan time: from the first day's midnight to the midnight after its last day. */
export function scoringWindow(plan: Plan): { opensAtMs: number; closesAtMs: number } | undefined {
  const dates = scoringDates(plan);
  if (!dates) return undefined;
  const zone = plan.campaign.timeZone;
  return {
    opensAtMs: localToInstant(dates.start, '00:00', zone),
    closesAtMs: localToInstant(addDays(dates.end, 1), '00:00', zone),
  };
}

export function checkSubmission(
  model: AssessmentModel,
  state: ScoringState,
  submission: SubmitScores,
  window: { opensAtMs: number; closesAtMs: number } | undefined,
  planNowMs: number,
): { ok: true } | Refusal {
  if (state.stage !== 'scoring') return refuse('scoring_closed', 'scoring is closed; no score is taken any more');
  if (window && planNowMs < window.opensAtMs) return refuse('window_not_open', 'the scoring window has not opened yet');
  if (window && planNowMs >= window.closesAtMs) return refuse('window_closed', 'the scoring window has closed');
  const other = claimedOther(model, submission.by);
  if (other !== undefined) {
    const holder = actingId(submission.by);
    return refuse(
      'not_your_scores',
      `${holder}'s credential cannot send ${other}'s scores: each assessor sends their own; nothing was recorded`,
    );
  }
  for (const [i, input] of submission.scores.entries()) {
    const checked = checkScore(model, { row: i + 1, assessor: actingId(submission.by), ...input });
    if (!checked.ok)
      return refuse(checked.issue.code, `score ${i + 1}: ${checked.issue.message}; nothing was recorded`);
  }
  return { ok: true };
}

/** Records a checked sheet under the ids it names (a sheet may use names); says how many replace an earlier score. */
export function recordSubmission(
  model: AssessmentModel,
  state: ScoringState,
  submission: SubmitScores,
  atMs: number,
): { state: ScoringState; replacing: number } {
  const keyOf = (r: ScoreRow) => `${r.assessor}/${r.unit}/${r.item}`;
  const before = new Set(state.record.map(keyOf));
  const rows = submission.scores.flatMap((input, i) => {
    const checked = checkScore(model, { row: i + 1, assessor: actingId(submission.by), ...input });
    if (!checked.ok) return [];
    const { assessor, entrant, item } = checked.score;
    return [{ row: state.record.length + i + 1, assessor, unit: entrant, item, score: input.score, atMs }];
  });
  // A row replaces any earlier score for its key, whether sent before or higher up the same sheet.
  let replacing = 0;
  for (const row of rows) {
    if (before.has(keyOf(row))) replacing += 1;
    before.add(keyOf(row));
  }
  return { state: { ...state, record: [...state.record, ...rows] }, replacing };
}

/** Closing computes the result; a result that cannot be computed leaves scoring open and says why. */
export function closeScoring(
  model: AssessmentModel,
  state: ScoringState,
  by: string,
  facts: AssessmentFacts,
): { ok: true; state: ScoringState; replaced: number } | Refusal {
  if (state.stage !== 'scoring') return refuse('scoring_closed', 'scoring is already closed');
  if (by !== 'office' && !model.leaders.has(actingId(by)))
    return refuse('not_authorized', `${by} may not close scoring`);
  const sheet = readScoreSheet(model, state.record);
  const computed = computeAssessment(model, sheet, facts);
  if (!computed.ok) {
    const first = computed.errors[0]?.message ?? '';
    return refuse(
      'result_incomplete',
      `${computed.errors.length} problem(s) keep the result from being computed, first: ${first}`,
    );
  }
  return { ok: true, state: { ...state, stage: 'computed', result: computed.result }, replaced: sheet.replaced.length };
}

export function approveResult(
  model: AssessmentModel,
  state: ScoringState,
  by: string,
): { ok: true; state: ScoringState } | Refusal {
  if (state.stage === 'scoring') return refuse('not_computed', 'close scoring first: there is no result to approve');
  if (state.stage === 'published') return refuse('already_published', 'the result is already published');
  if (!model.approvers.has(actingId(by))) {
    const who = [...model.approvers].map((id) => model.assessors.get(id) ?? id).join('、');
    return refuse('not_authorized', `only ${who} may approve the result (审定), not ${by}`);
  }
  return { ok: true, state: { ...state, stage: 'published', approvedBy: actingId(by) } };
}

/** Assessors who have not yet scored every entrant on every item they score, with how many they owe. */
export function lateAssessors(model: AssessmentModel, state: ScoringState): { assessor: string; missing: number }[] {
  const given = new Set(state.record.map((r) => `${r.assessor}/${r.unit}/${r.item}`));
  const owed = new Map<string, number>();
  for (const item of model.items) {
    for (const assessor of item.assessors) {
      for (const entrant of model.entrants) {
        if (!given.has(`${assessor}/${entrant.id}/${item.id}`)) owed.set(assessor, (owed.get(assessor) ?? 0) + 1);
      }
    }
  }
  return [...owed].map(([assessor, missing]) => ({ assessor, missing }));
}
