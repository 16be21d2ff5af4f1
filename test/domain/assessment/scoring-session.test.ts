import { describe, expect, it } from 'vitest';
import {
  approveResult,
  checkSubmission,
  closeScoring,
  initialScoring,
  lateAssessors,
  recordSubmission,
} from '../../../domain/assessment/scoring-session';
import { AssessmentFactsSchema } from '../../../domain/assessment/facts';
import { modelOf, panel } from './assessment-fixture';

const model = modelOf({ title: '考核', panel: panel(2), items: [{ id: 'work', name: '工作', points: 10 }] });
const window = { opensAtMs: 1_000, closesAtMs: 2_000 };
const noFacts = AssessmentFactsSchema.parse({});
const sheet = (by: string, scores: [string, string][]) => ({
  by,
  scores: scores.map(([unit, score]) => ({ unit, item: 'work', score })),
});

describe('scoring during a campaign', () => {
  it('takes an assessor’s own scores only inside the window, and refuses a whole sheet with one bad score', () => {
    const state = initialScoring();
    const good = sheet('j1', [
      ['u1', '9'],
      ['u2', '8'],
    ]);
    expect(checkSubmission(model, state, good, window, 1_500)).toEqual({ ok: true });
    expect(checkSubmission(model, state, good, window, 999)).toMatchObject({ error: { code: 'window_not_open' } });
    expect(checkSubmission(model, state, good, window, 2_000)).toMatchObject({ error: { code: 'window_closed' } });
    expect(
      checkSubmission(
        model,
        state,
        sheet('j1', [
          ['u1', '9'],
          ['u2', '11'],
        ]),
        window,
        1_500,
      ),
    ).toEqual({
      ok: false,
      error: {
        code: 'score_out_of_range',
        message: 'score 2: 11 is out of range: 工作 is scored from 0 to 10; nothing was recorded',
      },
    });
    expect(checkSubmission(model, state, sheet('stranger', [['u1', '9']]), window, 1_500)).toMatchObject({
      error: { code: 'unknown_assessor' },
    });
  });

  it('keeps every score on record, lets the later one count, closes, and publishes only on a leader’s approval', () => {
    const sheet1 = sheet('j1', [
      ['u1', '9'],
      ['u2', '8'],
      ['u3', '7'],
    ]);
    let state = recordSubmission(model, initialScoring(), sheet1, 1_100).state;
    state = recordSubmission(
      model,
      state,
      sheet('j2', [
        ['u1', '8'],
        ['u2', '8'],
      ]),
      1_200,
    ).state;
    expect(lateAssessors(model, state)).toEqual([{ assessor: 'j2', missing: 1 }]);
    // By name this time: 评委2 is j2, 单位1 is u1; the second score for u1 replaces the first.
    const again = recordSubmission(
      model,
      state,
      sheet('评委2', [
        ['u3', '7'],
        ['单位1', '10'],
      ]),
      1_300,
    );
    expect(again.replacing).toBe(1);
    state = again.state;
    expect(lateAssessors(model, state)).toEqual([]);
    expect(approveResult(model, state, 'leader-head')).toMatchObject({ error: { code: 'not_computed' } });
    expect(closeScoring(model, state, 'j1', noFacts)).toMatchObject({ error: { code: 'not_authorized' } });
    const closed = closeScoring(model, state, 'office', noFacts);
    if (!closed.ok) throw new Error(closed.error.message);
    expect(closed.replaced).toBe(1);
    expect(state.record).toHaveLength(7);
    // u1: (9 + 10) / 2 = 9.5, u2: 8, u3: 7
    expect(closed.state.result?.ranking.map((r) => `${r.entrant} ${r.total}`)).toEqual([
      'u1 9.50',
      'u2 8.00',
      'u3 7.00',
    ]);
    expect(approveResult(model, closed.state, 'j1')).toMatchObject({ error: { code: 'not_authorized' } });
    const approved = approveResult(model, closed.state, 'leader-deputy');
    expect(approved).toMatchObject({ ok: true, state: { stage: 'published', approvedBy: 'leader-deputy' } });
  });

  it('refuses to close while a unit has no score, saying which', () => {
    const { state } = recordSubmission(
      model,
      initialScoring(),
      sheet('j1', [
        ['u1', '9'],
        ['u2', '8'],
      ]),
      1_100,
    );
    const refused = closeScoring(model, state, 'office', noFacts);
    expect(refused.ok ? '' : `${refused.error.code}: ${refused.error.message}`).toBe(
      'result_incomplete: 1 problem(s) keep the result from being computed, first: 单位3: 工作 has no score yet',
    );
  });
});

describe('who approves the result (审定)', () => {
  const scored = (m: typeof model) => {
    const sheets = ['j1', 'j2'].map((by) =>
      sheet(by, [
        ['u1', '9'],
        ['u2', '8'],
        ['u3', '7'],
      ]),
    );
    let state = initialScoring();
    for (const s of sheets) state = recordSubmission(m, state, s, 1_100).state;
    const closed = closeScoring(m, state, 'office', AssessmentFactsSchema.parse({}));
    if (!closed.ok) throw new Error(closed.error.message);
    return closed.state;
  };

  it('is the head and the deputies by default, named in the refusal; a member of the group is not one', () => {
    const state = scored(model);
    expect(approveResult(model, state, 'member-a')).toEqual({
      ok: false,
      error: {
        code: 'not_authorized',
        message: 'only leader-head、leader-deputy may approve the result (审定), not member-a',
      },
    });
    expect(approveResult(model, state, 'leader-deputy')).toMatchObject({ ok: true, state: { stage: 'published' } });
  });

  it('is whom the plan names, and a credential’s principal counts as the leader it names', () => {
    const named = modelOf({
      title: '考核',
      panel: panel(2),
      items: [{ id: 'work', name: '工作', points: 10 }],
      approvers: { leaders: ['member-a'] },
    });
    const state = scored(named);
    expect(approveResult(named, state, 'leader:leader-head')).toMatchObject({ error: { code: 'not_authorized' } });
    expect(approveResult(named, state, 'leader:member-a (冯主任)')).toMatchObject({
      ok: true,
      state: { approvedBy: 'member-a' },
    });
  });

  it('records an assessor’s credential as the assessor: a panel member scores only as themself', () => {
    const recorded = recordSubmission(model, initialScoring(), sheet('assessor:j2', [['u1', '6']]), 1_100);
    expect(recorded.state.record.map((r) => [r.assessor, r.unit, r.score])).toEqual([['j2', 'u1', '6']]);
    expect(
      checkSubmission(model, initialScoring(), sheet('leader:leader-head', [['u1', '6']]), window, 1_500),
    ).toMatchObject({
      error: { code: 'not_an_assessor' },
    });
  });

  it('refuses a credential sending as another assessor, and takes it naming its own holder', () => {
    expect(checkSubmission(model, initialScoring(), sheet('assessor:j2 (j1)', [['u1', '6']]), window, 1_500)).toEqual({
      ok: false,
      error: {
        code: 'not_your_scores',
        message: "j2's credential cannot send j1's scores: each assessor sends their own; nothing was recorded",
      },
    });
    expect(
      checkSubmission(model, initialScoring(), sheet('assessor:j2 (评委2)', [['u1', '6']]), window, 1_500),
    ).toEqual({
      ok: true,
    });
  });
});
