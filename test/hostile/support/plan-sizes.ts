import fc from 'fast-check';
import { PLAN_LIMITS } from '../../../domain/plan/plan-limits';
import type { PlanInput } from '../../../domain/plan/schema';
import { person, unitInput } from '../../support/plans';

/**
 * Plans of every size up to a little past the bounds: how many units, phases and deliverables, and
 * how long each title and name is, are drawn; the text is drawn from characters of 1 to 4 UTF-8
 * bytes, so that both the character bounds and the byte bound are reached.
 */

const char = fc.constantFrom('a', 'é', '长', '镇', '𠀀');
const lineUpTo = (max: number) =>
  fc
    .integer({ min: 1, max: Math.ceil(max * 1.1) })
    .chain((length) => fc.string({ unit: char, minLength: length, maxLength: length }));

export interface PlanShape {
  title: string;
  unitName: string;
  units: number;
  phases: number;
  deliverables: number;
  deliverableTitle: string;
}

export const planShapes: fc.Arbitrary<PlanShape> = fc.record({
  title: lineUpTo(PLAN_LIMITS.title),
  unitName: lineUpTo(PLAN_LIMITS.name - 5),
  units: fc.integer({ min: 1, max: Math.ceil(PLAN_LIMITS.units * 1.05) }),
  phases: fc.integer({ min: 1, max: PLAN_LIMITS.phases + 2 }),
  deliverables: fc.integer({ min: 1, max: PLAN_LIMITS.deliverablesPerPhase + 5 }),
  deliverableTitle: lineUpTo(PLAN_LIMITS.title),
});

export function planOfShape(id: string, shape: PlanShape): PlanInput {
  return {
    campaign: { id, title: shape.title, organiser: '县信访局' },
    leadingGroup: { head: person('head', '组长') },
    office: person('office', '县信访局'),
    units: Array.from({ length: shape.units }, (_, i) => unitInput(`u${i + 1}`, `${shape.unitName}${i + 1}`)),
    phases: Array.from({ length: shape.phases }, (_, p) => ({
      id: `p${p + 1}`,
      name: `第${p + 1}阶段`,
      window: p === 0 ? { start: '2026-04-12', end: '2026-04-13' } : { duration: '2d' },
      gate: p === shape.phases - 1 ? ('approval' as const) : ('window-end' as const),
      deliverables: Array.from({ length: shape.deliverables }, (_, d) => ({
        id: `p${p + 1}-d${d + 1}`,
        title: `${shape.deliverableTitle}`,
        due: { after: '0d' },
      })),
    })),
  };
}
