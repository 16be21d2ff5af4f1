import type { PlanInput } from '../../../domain/plan/schema';
import { validatePlan, type PlanIssue } from '../../../domain/plan/validate-plan';

/** A small valid plan; each test copies it and introduces exactly the mistake it is about. */
export function basePlan(): PlanInput {
  const person = (id: string) => ({ id, name: id, email: `${id}@example.org` });
  const unit = (id: string) => ({
    id,
    name: id,
    head: { name: `${id} head`, email: `${id}.head@example.org` },
    contact: { name: `${id} contact`, email: `${id}.contact@example.org` },
  });
  return {
    campaign: { id: 'test-campaign', title: '专项治理活动', organiser: '县领导小组' },
    leadingGroup: { head: person('leader-head'), deputies: [person('leader-deputy')], members: [person('member-a')] },
    office: { ...person('office'), seatedAt: '县信访局' },
    units: [unit('town-a'), unit('town-b'), unit('dept-c')],
    escalation: [
      { after: '1d', notify: ['unit-head'] },
      { after: '3d', notify: ['office', { leader: 'leader-deputy' }] },
    ],
    phases: [
      {
        id: 'investigate',
        name: '排查建档',
        window: { start: '2026-04-14', end: '2026-04-20' },
        deliverables: [{ id: 'ledger', title: '台帐', kind: 'case-ledger', due: '2026-04-20' }],
      },
      {
        id: 'resolve',
        name: '化解整治',
        window: { start: '2026-04-20', end: '2026-07-15' },
        deliverables: [{ id: 'summary', title: '总结', due: '2026-07-15' }],
      },
    ],
  };
}

/** `basePlan()` after `change`, checked. */
export function issuesOf(change: (plan: PlanInput) => void): { errors: PlanIssue[]; warnings: PlanIssue[] } {
  const plan = basePlan();
  change(plan);
  const result = validatePlan(plan);
  return { errors: result.ok ? [] : result.errors, warnings: result.warnings };
}

/** Narrow helpers so tests can reach into the fixture without non-null assertions everywhere. */
export function phaseAt(plan: PlanInput, index: number): NonNullable<PlanInput['phases']>[number] {
  const phase = plan.phases?.[index];
  if (!phase) throw new Error(`fixture has no phase ${index}`);
  return phase;
}

export function deliverableAt(plan: PlanInput, phase: number, index: number) {
  const deliverable = phaseAt(plan, phase).deliverables?.[index];
  if (!deliverable) throw new Error(`fixture has no deliverable ${phase}/${index}`);
  return deliverable;
}
