import { describe, expect, it } from 'vitest';
import { initialCampaignState, type CampaignState } from '../../../domain/campaign/campaign-state';
import { approvePhase } from '../../../domain/campaign/leader-actions';
import { advanceCampaign, nextCampaignWakeMs } from '../../../domain/campaign/phase-progression';
import { REISSUE_INTERVAL_MS } from '../../../domain/campaign/phase-report-revisions';
import { recordUnitProgress } from '../../../domain/campaign/unit-progress-record';
import type { PhaseCounts } from '../../../domain/unit/unit-progress';
import { beijing, smallPlan } from '../../support/plans';

// The member list is due two days after its phase ends: legal, and common in real plans.
const plan = smallPlan('revisions', {
  phases: [
    {
      id: 'mobilise',
      name: '宣传发动',
      window: { start: '2026-04-12', end: '2026-04-15' },
      deliverables: [{ id: 'members', title: '工作小组成员名单', kind: 'member-list', due: '2026-04-17' }],
    },
    {
      id: 'accept',
      name: '总结验收',
      window: { start: '2026-04-18', end: '2026-04-19' },
      gate: 'approval',
      deliverables: [{ id: 'summary', title: '书面总结', kind: 'summary', due: '2026-04-19' }],
    },
  ],
});

let version = 0;
function report(state: CampaignState, unitId: string, mobilise: Partial<PhaseCounts>): CampaignState {
  version += 1;
  const counts = { owed: 1, onTime: 0, late: 0, open: 0, overdue: 0, missing: 0, ...mobilise };
  return recordUnitProgress(state, {
    unitId,
    version,
    phases: { mobilise: counts },
    overdue: [],
    marks: 0,
    escalations: [],
  });
}

/** The campaign with its first phase closed and its report compiled, both units still owing the list. */
function closedFirstPhase(): { state: CampaignState; closedAtMs: number } {
  let state = initialCampaignState(plan.phases, beijing('2026-04-01'));
  state = advanceCampaign(plan, state, beijing('2026-04-12')).state;
  state = report(state, 'town-a', { open: 1 });
  state = report(state, 'town-b', { open: 1 });
  const closedAtMs = beijing('2026-04-16');
  const closed = advanceCampaign(plan, state, closedAtMs);
  expect(closed.commands).toContainEqual({ type: 'phase-report', phaseId: 'mobilise', revision: 1 });
  return { state: closed.state, closedAtMs };
}

describe('phase report revisions', () => {
  it('compiles revision 1 when the phase closes and keeps it while nothing more arrives', () => {
    const { state, closedAtMs } = closedFirstPhase();
    expect(state.phases[0]!.report).toEqual({ revision: 1, issuedAtMs: closedAtMs, basis: { onTime: 0, late: 0 } });
    // The next moment is the second phase's start, not a reissue.
    expect(nextCampaignWakeMs(plan, state)).toBe(beijing('2026-04-18'));
  });

  it('reissues the report as revision 2 when a report due after the phase arrives, and says it is current', () => {
    const { state: closed, closedAtMs } = closedFirstPhase();
    const arrivedMs = beijing('2026-04-16', '10:00');
    const state = report(closed, 'town-a', { onTime: 1 });
    // Revision 1 is more than the interval old: the reissue is due at once.
    expect(nextCampaignWakeMs(plan, state)).toBe(closedAtMs + REISSUE_INTERVAL_MS);
    const reissued = advanceCampaign(plan, state, arrivedMs);
    expect(reissued.commands).toEqual([{ type: 'phase-report', phaseId: 'mobilise', revision: 2 }]);
    expect(reissued.state.phases[0]!.report).toEqual({
      revision: 2,
      issuedAtMs: arrivedMs,
      basis: { onTime: 1, late: 0 },
    });
    expect(reissued.state.timeline.at(-1)).toEqual({
      atMs: arrivedMs,
      what: 'phase 宣传发动 report reissued as revision 2 (reports arrived after revision 1 was compiled); revision 2 is current',
      phaseId: 'mobilise',
    });
    // Nothing more to reissue until another report arrives.
    expect(advanceCampaign(plan, reissued.state, arrivedMs + 5 * REISSUE_INTERVAL_MS).commands).toEqual([]);
  });

  it('reissues for a late report too, and gathers reports arriving together into one revision', () => {
    const { state: closed } = closedFirstPhase();
    const firstMs = beijing('2026-04-18', '09:00');
    let state = advanceCampaign(plan, report(closed, 'town-a', { late: 1 }), firstMs).state;
    expect(state.phases[0]!.report?.revision).toBe(2);
    // Ten minutes later the other unit's late list arrives: it waits for the interval.
    state = report(state, 'town-b', { late: 1 });
    const tenMinutesLater = firstMs + 600_000;
    expect(advanceCampaign(plan, state, tenMinutesLater).commands.filter((c) => c.type === 'phase-report')).toEqual([]);
    expect(nextCampaignWakeMs(plan, state)).toBe(firstMs + REISSUE_INTERVAL_MS);
    const third = advanceCampaign(plan, state, firstMs + REISSUE_INTERVAL_MS);
    expect(third.commands).toEqual([{ type: 'phase-report', phaseId: 'mobilise', revision: 3 }]);
    expect(third.state.phases[0]!.report?.basis).toEqual({ onTime: 0, late: 2 });
  });

  it('issues a pending revision at once when the campaign ends, before the final report', () => {
    let { state } = closedFirstPhase();
    state = advanceCampaign(plan, state, beijing('2026-04-18')).state;
    const arrivedMs = beijing('2026-04-19', '08:00');
    state = advanceCampaign(plan, report(state, 'town-a', { late: 1 }), arrivedMs).state;
    state = report(state, 'town-b', { late: 1 });
    // The last phase is approved a minute later, well inside the interval.
    const approved = approvePhase(plan, state, { phaseId: 'accept', by: 'leader:head' }, arrivedMs + 60_000);
    const ended = advanceCampaign(plan, approved.state, arrivedMs + 60_000);
    expect(ended.commands.map((c) => (c.type === 'phase-report' ? `${c.phaseId} r${c.revision}` : c.type))).toEqual([
      'mobilise r3',
      'broadcast',
      'final-report',
    ]);
    expect(approved.commands).toContainEqual({ type: 'phase-report', phaseId: 'accept', revision: 1 });
  });
});
