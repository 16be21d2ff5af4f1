import { describe, expect, it } from 'vitest';
import { caseLedgerContextFromPlan } from '../../../domain/cases/ledger-context';
import { obligationsForPhase } from '../../../domain/schedule/obligations';
import { applyCampaignEvent } from '../../../domain/unit/apply-campaign-event';
import type { CampaignEvent } from '../../../domain/unit/campaign-events';
import { fireDueAlerts, nextAlertMs } from '../../../domain/unit/fire-alerts';
import {
  applyExtension,
  applySubmission,
  checkExtension,
  checkSubmission,
} from '../../../domain/unit/submission-rules';
import { initialUnitState, type UnitState } from '../../../domain/unit/unit-state';
import { obligationRows, unitProgress, UnitProgressSchema } from '../../../domain/unit/unit-progress';
import { beijing, smallPlan } from '../../support/plans';

const plan = smallPlan();
const ledgerContext = caseLedgerContextFromPlan(plan);
const window = { startMs: beijing('2026-04-12'), endMs: beijing('2026-04-16') };
const opened: CampaignEvent = {
  type: 'phase-opened',
  seq: 1,
  phaseId: 'mobilise',
  phaseName: '宣传发动',
  ...window,
  casesFiling: false,
  obligations: obligationsForPhase(plan, plan.phases[0]!, window),
};
const due = beijing('2026-04-15', '18:00');
const members = { members: [{ name: '张三' }] };

function openedUnit(): UnitState {
  return applyCampaignEvent(initialUnitState('town-a', '甲镇', ledgerContext), opened, window.startMs).state;
}

function submit(state: UnitState, at: number) {
  const request = { deliverableId: 'members', report: members, by: 'unit:town-a' };
  const check = checkSubmission(state, request, at, {});
  if (!check.ok) throw new Error(check.error.message);
  return applySubmission(state, check.value, request, at);
}

describe('a unit receiving campaign events', () => {
  it('owes what the opened phase asks and is told so once', () => {
    const outcome = applyCampaignEvent(initialUnitState('town-a', '甲镇', ledgerContext), opened, window.startMs);
    expect(outcome.state.obligations.map((o) => o.key)).toEqual(['members']);
    expect(outcome.commands).toHaveLength(1);
    expect(outcome.commands[0]!.body.kind).toBe('phase_opened');
  });

  it('ignores an event it has already applied (a re-sent broadcast)', () => {
    const state = openedUnit();
    expect(applyCampaignEvent(state, opened, window.startMs + 1)).toEqual({ state, commands: [] });
  });

  it('reopens a returned phase with the new due date and keeps the earlier report', () => {
    const submitted = submit(openedUnit(), due - 1000).state;
    const newDue = beijing('2026-04-20', '18:00');
    const returned = applyCampaignEvent(
      submitted,
      { type: 'phase-returned', seq: 2, phaseId: 'mobilise', reason: '名单不全', newDueMs: newDue, by: 'leader:head' },
      beijing('2026-04-16'),
    );
    const obligation = returned.state.obligations[0]!;
    expect(obligation).toMatchObject({ state: 'open', dueMs: newDue });
    expect(obligation.returnedSubmissions).toHaveLength(1);
    expect(returned.commands[0]!.body.kind).toBe('phase_returned');
  });
});

describe('submissions', () => {
  it('are on time up to the due moment and late by the difference after it', () => {
    expect(submit(openedUnit(), due).submission.lateByMs).toBe(0);
    expect(submit(openedUnit(), due + 3_600_000).submission.lateByMs).toBe(3_600_000);
  });

  it.each([
    ['an unknown deliverable', { deliverableId: 'nope', report: members }, 'unknown_deliverable'],
    ['an empty member list', { deliverableId: 'members', report: { members: [] } }, 'invalid_report'],
  ])('reject %s', (_name, request, code) => {
    const check = checkSubmission(openedUnit(), { ...request, by: 'x' }, due, {});
    expect(check).toMatchObject({ ok: false, error: { code } });
  });

  it('reject a second report for the same deliverable', () => {
    const state = submit(openedUnit(), due - 1).state;
    expect(checkSubmission(state, { deliverableId: 'members', report: members, by: 'x' }, due, {})).toMatchObject({
      ok: false,
      error: { code: 'duplicate_submission' },
    });
  });
});

describe('reminders and the escalation ladder', () => {
  it('remind, then tell the unit it is late, then climb the ladder to a public notice and a mark', () => {
    let state = openedUnit();
    const kinds: string[] = [];
    for (let t = nextAlertMs(state); t !== undefined; t = nextAlertMs(state)) {
      const fired = fireDueAlerts(state, t);
      state = fired.state;
      kinds.push(...fired.commands.map((c) => c.body.kind));
    }
    expect(kinds).toEqual(['due_soon', 'due_soon', 'overdue', 'escalation', 'escalation', 'public_notice']);
    expect(state.marks).toHaveLength(1);
    const progress = unitProgress(state, due + 3 * 86_400_000, 1);
    expect(progress.overdue[0]).toMatchObject({ key: 'members', step: 2 });
    // What a unit reports is what the campaign's signal schema takes, escalations and ledger included.
    expect(progress.escalations.length).toBeGreaterThan(0);
    expect(UnitProgressSchema.parse(progress)).toEqual(progress);
    expect(UnitProgressSchema.safeParse({ ...progress, phases: 'all done' }).success).toBe(false);
    expect(UnitProgressSchema.safeParse({ unitId: 'town-a', version: 9 }).success).toBe(false);
  });

  it('stop chasing a unit that submitted on time', () => {
    const state = submit(openedUnit(), beijing('2026-04-13', '10:00')).state;
    expect(nextAlertMs(state)).toBeUndefined();
    expect(fireDueAlerts(state, due + 10 * 86_400_000).commands).toEqual([]);
  });

  it('pass over alerts while reminders are paused instead of saving them up', () => {
    const paused = applyCampaignEvent(openedUnit(), { type: 'paused', seq: 2, by: 'office' }, window.startMs).state;
    expect(fireDueAlerts(paused, due + 86_400_000).commands).toEqual([]);
  });

  it('move the ladder with an extended deadline', () => {
    const state = openedUnit();
    const newDueMs = beijing('2026-04-25', '18:00');
    const request = { deliverableId: 'members', newDueMs, reason: '乡镇换届', by: 'office' };
    const check = checkExtension(state, request, window.startMs);
    if (!check.ok) throw new Error(check.error.message);
    const { state: extended } = applyExtension(state, check.value, request, window.startMs);
    expect(fireDueAlerts(extended, due + 86_400_000).commands).toEqual([]);
    expect(obligationRows(extended, due + 86_400_000)[0]).toMatchObject({
      state: 'open',
      dueMs: newDueMs,
      extensions: 1,
    });
  });

  it('tell the unit contact and head of an extension, with the new date and the reason', () => {
    const state = openedUnit();
    const newDueMs = beijing('2026-04-25', '18:00');
    const request = { deliverableId: 'members', newDueMs, reason: '乡镇换届', by: 'office' };
    const check = checkExtension(state, request, window.startMs);
    if (!check.ok) throw new Error(check.error.message);
    const { commands } = applyExtension(state, check.value, request, window.startMs);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({
      type: 'notify',
      eventKey: `extended:${check.value.key}:${newDueMs}`,
      atMs: window.startMs,
      audience: ['unit-contact', 'unit-head'],
      body: {
        kind: 'deadline_extended',
        unitId: state.unitId,
        deliverableId: 'members',
        dueAt: '2026-04-25T10:00:00.000Z',
        reason: '乡镇换届',
      },
    });
  });

  it('refuse an extension to an earlier date', () => {
    const check = checkExtension(
      openedUnit(),
      { deliverableId: 'members', newDueMs: due - 1, reason: 'x', by: 'office' },
      window.startMs,
    );
    expect(check).toMatchObject({ ok: false, error: { code: 'not_later' } });
  });
});
