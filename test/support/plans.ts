import { PlanSchema, type Plan, type PlanInput } from '../../domain/plan/schema';

export const person = (id: string, name: string) => ({ id, name, email: `${id}@example.org` });

export const unitInput = (id: string, name: string) => ({
  id,
  name,
  head: { name: `${name}主要领导`, email: `head-${id}@example.org` },
  contact: { name: `${name}联络员`, email: `${id}@example.org` },
});

/** A small two-phase plan (a window-gated phase, then one that waits for approval) for tests. */
export function smallPlanInput(id: string, overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    // One mail per event: these tests follow single notices; test/workflows/digest-mail.test.ts the digest.
    campaign: { id, title: '小型演练', organiser: '县信访局', digestMail: false },
    leadingGroup: { head: person('head', '组长'), deputies: [person('deputy', '副组长')] },
    office: person('office', '县信访局'),
    units: [unitInput('town-a', '甲镇'), unitInput('town-b', '乙镇')],
    escalation: [
      { after: '1d', notify: ['unit-head'] },
      { after: '2d', notify: ['office', { leader: 'deputy' }], publicNotice: true, accountability: true },
    ],
    phases: [
      {
        id: 'mobilise',
        name: '宣传发动',
        window: { start: '2026-04-12', end: '2026-04-15' },
        deliverables: [{ id: 'members', title: '工作小组成员名单', kind: 'member-list', due: '2026-04-15' }],
      },
      {
        id: 'accept',
        name: '总结验收',
        window: { start: '2026-04-18', end: '2026-04-19' },
        gate: 'approval',
        deliverables: [{ id: 'summary', title: '书面总结', kind: 'summary', due: '2026-04-19' }],
      },
    ],
    ...overrides,
  };
}

export function smallPlan(id = 'small', overrides: Partial<PlanInput> = {}): Plan {
  return PlanSchema.parse(smallPlanInput(id, overrides));
}

/** Epoch ms of a Beijing local time, for readable expectations. */
export function beijing(date: string, time = '00:00'): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

/** A plan for `unitCount` units: four short phases of two deliverables each, the last waiting for approval. */
export function largePlan(id: string, unitCount: number): Plan {
  const units = Array.from({ length: unitCount }, (_, i) =>
    unitInput(`unit-${String(i + 1).padStart(4, '0')}`, `单位${i + 1}`),
  );
  const phase = (n: number, start: string, end: string) => ({
    id: `phase-${n}`,
    name: `第${n}阶段`,
    window: { start, end },
    gate: n === 4 ? ('approval' as const) : ('window-end' as const),
    deliverables: [
      { id: `p${n}-summary`, title: `第${n}阶段总结`, kind: 'summary', due: end },
      { id: `p${n}-progress`, title: `第${n}阶段进展`, kind: 'progress', due: end },
    ],
  });
  return smallPlan(id, {
    units,
    phases: [
      phase(1, '2026-04-12', '2026-04-14'),
      phase(2, '2026-04-15', '2026-04-17'),
      phase(3, '2026-04-18', '2026-04-20'),
      phase(4, '2026-04-21', '2026-04-23'),
    ],
  });
}
