import { PlanSchema, type Plan } from '../domain/plan/schema';

/**
 * The benchmark's campaign: N units, four phases of two deliverables, each phase closed by the
 * leading group's approval, cases filed from the first phase. Every window opens on the first day
 * and every deadline is months away, so the load generator, not the clock, sets the pace: nothing
 * falls late or escalates while it measures.
 */
export function benchPlan(id: string, units: number): Plan {
  const unit = (n: number) => {
    const uid = `unit-${String(n).padStart(5, '0')}`;
    return {
      id: uid,
      name: `单位${n}`,
      head: { name: `单位${n}主要领导`, email: `head-${uid}@example.org` },
      contact: { name: `单位${n}联络员`, email: `${uid}@example.org` },
    };
  };
  const phase = (n: number) => ({
    id: `phase-${n}`,
    name: `第${n}阶段`,
    window: { start: '2026-04-12', end: '2026-12-20' },
    gate: 'approval' as const,
    casesFiling: n === 1,
    deliverables: [
      { id: `p${n}-summary`, title: `第${n}阶段总结`, kind: 'summary', due: '2026-12-20' },
      { id: `p${n}-progress`, title: `第${n}阶段进展`, kind: 'progress', due: '2026-12-20' },
    ],
  });
  return PlanSchema.parse({
    campaign: { id, title: '基准测试', organiser: '县信访局' },
    leadingGroup: { head: { id: 'head', name: '组长', email: 'head@example.org' } },
    office: { id: 'office', name: '县信访局', email: 'office@example.org' },
    units: Array.from({ length: units }, (_, i) => unit(i + 1)),
    phases: [1, 2, 3, 4].map(phase),
  });
}

/**
 * A report as `campaign submit` sends it: a few lines of text and the reference of a file already
 * in the report store (files never travel in an update). The baseline sends the same payload.
 */
export function benchReport(deliverableId: string) {
  return {
    text: `${deliverableId}: 按要求完成,详见附件。`,
    attachments: [
      { name: `${deliverableId}.pdf`, ref: `sha256:${'a'.repeat(64)}`, size: 1024, mediaType: 'application/pdf' },
    ],
  };
}

/** A case filing as a unit keeps them; `n` makes each distinct. */
export function benchCase(n: number) {
  return {
    title: `基准案件${n}`,
    category: 'hot-issue',
    petitioner: { name: `信访人${n}`, contact: '13800000000' },
    owningLeader: { name: '副组长' },
    handler: '王干事',
    stabilityOfficer: '李所长',
    deadline: '2026-12-20',
    requirements: '依法按政策解决',
  };
}
