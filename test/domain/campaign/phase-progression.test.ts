import { describe, expect, it } from 'vitest';
import { initialCampaignState, type CampaignState } from '../../../domain/campaign/campaign-state';
import { approvePhase, checkApprovePhase, checkReturnPhase } from '../../../domain/campaign/leader-actions';
import { addUnit, checkAddUnit } from '../../../domain/campaign/office-actions';
import { rosterLedgerContext } from '../../../domain/campaign/roster';
import { advanceCampaign, nextCampaignWakeMs } from '../../../domain/campaign/phase-progression';
import { campaignStatus } from '../../../domain/campaign/campaign-status';
import { recordUnitProgress } from '../../../domain/campaign/unit-progress-record';
import { beijing, smallPlan, unitInput } from '../../support/plans';

const plan = smallPlan();
const start = (): CampaignState => initialCampaignState(plan.phases, beijing('2026-04-01'));

describe('phase progression', () => {
  it('waits for the first phase to start, then opens it and tells every unit', () => {
    const state = start();
    expect(nextCampaignWakeMs(plan, state)).toBe(beijing('2026-04-12'));
    expect(advanceCampaign(plan, state, beijing('2026-04-11')).commands).toEqual([]);
    const opened = advanceCampaign(plan, state, beijing('2026-04-12'));
    expect(opened.state.phases[0]!.status).toBe('open');
    expect(opened.commands[0]).toMatchObject({
      type: 'broadcast',
      units: 'all',
      event: { type: 'phase-opened', seq: 1 },
    });
  });

  it('closes a window-gated phase at the end of its window and opens the next at its start', () => {
    let state = advanceCampaign(plan, start(), beijing('2026-04-12')).state;
    const result = advanceCampaign(plan, state, beijing('2026-04-18'));
    state = result.state;
    expect(state.phases.map((p) => p.status)).toEqual(['closed', 'open']);
    expect(result.commands.map((c) => c.type)).toEqual(['phase-report', 'broadcast']);
  });

  it('keeps an approval-gated phase open past its window until the leaders approve', () => {
    let state = advanceCampaign(plan, start(), beijing('2026-04-18')).state;
    state = advanceCampaign(plan, state, beijing('2026-05-30')).state;
    expect(state.status).toBe('running');
    expect(checkApprovePhase(plan, state, { phaseId: 'accept', by: 'leader:head' })).toEqual({ ok: true });
    state = approvePhase(state, { phaseId: 'accept', by: 'leader:head' }, beijing('2026-05-30')).state;
    const done = advanceCampaign(plan, state, beijing('2026-05-30'));
    expect(done.state.status).toBe('completed');
    expect(done.commands.map((c) => c.type)).toEqual(['broadcast', 'final-report']);
  });

  it('refuses approval of a phase that closes by itself, or that has not opened', () => {
    const state = advanceCampaign(plan, start(), beijing('2026-04-12')).state;
    expect(checkApprovePhase(plan, state, { phaseId: 'mobilise', by: 'x' })).toMatchObject({
      error: { code: 'no_approval_needed' },
    });
    expect(checkApprovePhase(plan, state, { phaseId: 'accept', by: 'x' })).toMatchObject({
      error: { code: 'phase_not_open' },
    });
  });

  it('refuses the final approval while the ledger has unreconciled cases (逐件对账销号)', () => {
    const state = advanceCampaign(plan, start(), beijing('2026-04-18')).state;
    const open = [{ caseId: 'c-1', unitId: 'town-a', title: '土地纠纷' }];
    const check = checkApprovePhase(plan, state, { phaseId: 'accept', by: 'x' }, open);
    expect(check).toMatchObject({ ok: false, error: { code: 'ledger_not_reconciled' } });
    expect(check.ok ? '' : check.error.message).toContain('c-1');
  });

  it('gives the exact count of blocking cases and marks the list as partial when units named only some', () => {
    const state = advanceCampaign(plan, start(), beijing('2026-04-18')).state;
    const named = [1, 2, 3].map((n) => ({ caseId: `c-${n}`, unitId: 'town-a', title: '土地纠纷' }));
    const check = checkApprovePhase(plan, state, { phaseId: 'accept', by: 'x' }, named, 12);
    const message = check.ok ? '' : check.error.message;
    expect(message).toMatch(/^12 case\(s\)/);
    expect(message).toContain('c-3 (town-a: 土地纠纷); …');
    const whole = checkApprovePhase(plan, state, { phaseId: 'accept', by: 'x' }, named, 3);
    expect(whole.ok ? '' : whole.error.message).not.toContain('…');
  });

  it('returns a phase only to units that owe something in it, with a future due date', () => {
    const state = advanceCampaign(plan, start(), beijing('2026-04-12')).state;
    const base = { phaseId: 'mobilise', reason: '名单不全', newDueMs: beijing('2026-04-20'), by: 'leader:head' };
    expect(checkReturnPhase(plan, state, { ...base, units: ['town-a'] }, beijing('2026-04-13'))).toEqual({ ok: true });
    expect(checkReturnPhase(plan, state, { ...base, units: ['nowhere'] }, beijing('2026-04-13'))).toMatchObject({
      error: { code: 'unknown_unit', path: ['units', 0] },
    });
    expect(
      checkReturnPhase(
        plan,
        state,
        { ...base, units: ['town-a'], newDueMs: beijing('2026-04-12') },
        beijing('2026-04-13'),
      ),
    ).toMatchObject({
      error: { code: 'due_in_past' },
    });
  });

  it('tells a unit added mid-campaign about the phases already open', () => {
    const state = advanceCampaign(plan, start(), beijing('2026-04-12')).state;
    const unit = { ...unitInput('town-c', '丙镇') };
    expect(checkAddUnit(plan, state, unit)).toEqual({ ok: true });
    const added = addUnit(plan, state, unit, 'office', beijing('2026-04-13'));
    expect(added.commands).toMatchObject([
      { type: 'broadcast', units: ['town-c'], start: true, event: { type: 'paused', seq: 0 } },
      { type: 'broadcast', units: ['town-c'], event: { type: 'phase-opened' } },
    ]);
    expect(checkAddUnit(plan, added.state, unit)).toMatchObject({ error: { code: 'unit_exists' } });
  });

  it('adds a unit to a campaign with credentials only with its own credential', () => {
    const state = advanceCampaign(plan, start(), beijing('2026-04-12')).state;
    const unit = { ...unitInput('town-c', '丙镇') };
    expect(checkAddUnit(plan, state, unit, { campaign: true, unit: false })).toMatchObject({
      ok: false,
      error: { code: 'credentials_required' },
    });
    expect(checkAddUnit(plan, state, unit, { campaign: true, unit: true })).toEqual({ ok: true });
    expect(checkAddUnit(plan, state, unit, { campaign: false, unit: false })).toEqual({ ok: true });
  });

  it('lets units added by the office own and receive cases', () => {
    const state = addUnit(plan, start(), { ...unitInput('town-c', '丙镇') }, 'office', beijing('2026-04-13')).state;
    expect(rosterLedgerContext(plan, state).units.map((u) => u.id)).toEqual([...plan.units.map((u) => u.id), 'town-c']);
  });
});

describe('campaign status', () => {
  it('adds up what the units report and lists who is late, latest first', () => {
    let state = advanceCampaign(plan, start(), beijing('2026-04-12')).state;
    const counts = { owed: 1, onTime: 0, late: 0, open: 1, overdue: 1, missing: 0 };
    for (const [unitId, dueMs] of [
      ['town-a', beijing('2026-04-15', '18:00')],
      ['town-b', beijing('2026-04-14')],
    ] as const) {
      state = recordUnitProgress(state, {
        unitId,
        version: 1,
        phases: { mobilise: counts },
        overdue: [{ key: 'members', title: '名单', phaseId: 'mobilise', dueMs, step: 1 }],
        marks: 0,
        escalations: [],
      });
    }
    const status = campaignStatus(plan, state, beijing('2026-04-16'));
    expect(status.totals).toMatchObject({ owed: 2, overdue: 2 });
    expect(status.overdue.map((o) => o.unitId)).toEqual(['town-b', 'town-a']);
    expect(status.currentPhase?.id).toBe('mobilise');
  });

  it('ignores a progress report older than the one it has', () => {
    const state = recordUnitProgress(start(), {
      unitId: 'town-a',
      version: 2,
      phases: {},
      overdue: [],
      marks: 3,
      escalations: [],
    });
    const stale = recordUnitProgress(state, {
      unitId: 'town-a',
      version: 1,
      phases: {},
      overdue: [],
      marks: 0,
      escalations: [],
    });
    expect(stale.progress['town-a']!.marks).toBe(3);
  });
});
