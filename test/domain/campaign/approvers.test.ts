import { describe, expect, it } from 'vitest';
import { initialCampaignState, type CampaignState } from '../../../domain/campaign/campaign-state';
import { approvePhase, checkApprovePhase } from '../../../domain/campaign/leader-actions';
import { advanceCampaign } from '../../../domain/campaign/phase-progression';
import type { Approvers } from '../../../domain/plan/schema';
import { formatIssue } from '../../../domain/plan/validate-plan';
import { beijing, person, smallPlan } from '../../support/plans';
import { issuesOf, phaseAt } from '../plan/plan-fixture';

function planWith(approvers: Approvers) {
  const base = smallPlan('approvers');
  return smallPlan('approvers', {
    leadingGroup: {
      head: person('head', '组长'),
      deputies: [person('deputy', '副组长')],
      members: [person('m1', '成员一'), person('m2', '成员二'), person('m3', '成员三')],
    },
    phases: base.phases.map((p) => (p.id === 'accept' ? { ...p, approvers } : p)),
  });
}

function awaitingApproval(plan: ReturnType<typeof planWith>): CampaignState {
  const state = advanceCampaign(
    plan,
    initialCampaignState(plan.phases, beijing('2026-04-01')),
    beijing('2026-04-18'),
  ).state;
  return advanceCampaign(plan, state, beijing('2026-04-20')).state;
}

const approve = (by: string) => ({ phaseId: 'accept', by });

describe('who approves a phase', () => {
  it('is the head and the deputies by default, not another member', () => {
    const plan = smallPlan('default');
    const state = awaitingApproval(planWith(plan.phases[1]!.approvers));
    const withMembers = planWith('head-and-deputies');
    expect(checkApprovePhase(withMembers, state, approve('leader:deputy'))).toEqual({ ok: true });
    expect(checkApprovePhase(withMembers, state, approve('leader:m1'))).toMatchObject({
      ok: false,
      error: { code: 'not_an_approver', message: 'only head, deputy may approve this phase' },
    });
  });

  it('may be the head alone, named leaders, or the office', () => {
    const head = planWith('head');
    expect(checkApprovePhase(head, awaitingApproval(head), approve('leader:deputy')).ok).toBe(false);
    const named = planWith({ leaders: ['m2'] });
    expect(checkApprovePhase(named, awaitingApproval(named), approve('leader:m2')).ok).toBe(true);
    expect(checkApprovePhase(named, awaitingApproval(named), approve('leader:head')).ok).toBe(false);
    const office = planWith('office');
    expect(checkApprovePhase(office, awaitingApproval(office), approve('office')).ok).toBe(true);
    expect(checkApprovePhase(office, awaitingApproval(office), approve('leader:head')).ok).toBe(false);
  });

  it('closes a majority phase only when more than half of the group agrees, each once', () => {
    const plan = planWith('group-majority');
    let state = awaitingApproval(plan);
    for (const [i, by] of ['leader:m1', 'leader:m2'].entries()) {
      expect(checkApprovePhase(plan, state, approve(by))).toEqual({ ok: true });
      const vote = approvePhase(plan, state, approve(by), beijing('2026-04-21'));
      expect(vote.commands).toEqual([]);
      expect(vote.message).toContain(`(${i + 1} of 3 needed)`);
      state = vote.state;
    }
    expect(checkApprovePhase(plan, state, approve('leader:m2'))).toMatchObject({
      error: { code: 'already_approved_by_you' },
    });
    const third = approvePhase(plan, state, approve('leader:head'), beijing('2026-04-22'));
    expect(third.state.phases[1]).toMatchObject({ status: 'closed', approvedBy: 'leader:head' });
    expect(third.state.phases[1]!.approvals?.map((a) => a.by)).toEqual(['leader:m1', 'leader:m2', 'leader:head']);
  });

  it('is checked in the plan: named approvers belong to the leading group', () => {
    const { errors } = issuesOf((plan) => {
      phaseAt(plan, 1).approvers = { leaders: ['leader-deptuy'] };
    });
    expect(errors.map(formatIssue)).toEqual([
      'phases[1].approvers.leaders[0]: no person in the leading group has id "leader-deptuy"; did you mean "leader-deputy"?',
    ]);
  });
});
