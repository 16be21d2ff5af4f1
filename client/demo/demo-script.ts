import { DAY_MS, HOUR_MS } from '../../domain/clock/time-units';
import type { Plan, Unit } from '../../domain/plan/schema';
import type { Report } from '../../domain/reports/report-schema';
import type { ObligationSpec } from '../../domain/schedule/obligations';

/**
 * What the simulated people in `campaign demo` do, decided from the plan alone so every run tells
 * the same story: most units report two days before the deadline, every third one two days
 * late, the last one never (and climbs the whole escalation ladder); a leader returns one unit's
 * ledger once, and approves the approval-gated phase when its window ends.
 */
export type Behaviour = 'on-time' | 'late' | 'silent';

export function behaviourOf(index: number, count: number): Behaviour {
  if (count > 1 && index === count - 1) return 'silent';
  return index % 3 === 2 ? 'late' : 'on-time';
}

/** Plan time at which a unit with this behaviour hands in an open row; undefined: never. */
export function submitAtMs(row: Pick<ObligationSpec, 'dueMs'>, behaviour: Behaviour): number | undefined {
  if (behaviour === 'silent') return undefined;
  // Two plan days of slack: on a busy laptop a tick can take a second, and a demo unit meant to be
  // punctual must not turn late because the machine was slow.
  return behaviour === 'late' ? row.dueMs + 2 * DAY_MS + 6 * HOUR_MS : row.dueMs - 2 * DAY_MS;
}

/** A report that satisfies the deliverable's kind, written as the unit's contact would. */
export function reportFor(plan: Plan, unit: Unit, row: Pick<ObligationSpec, 'kind' | 'title'>): Report {
  switch (row.kind) {
    case 'member-list':
      return {
        members: [
          { name: unit.head.name, role: '组长' },
          { name: unit.contact.name, role: '联络员', ...(unit.contact.phone ? { phone: unit.contact.phone } : {}) },
        ],
      };
    case 'case-ledger':
      return { text: `${unit.name}排查信访问题3件，已逐件登记造册，明确责任单位、包案领导、办结时限和具体要求。` };
    case 'summary':
    case 'progress':
    case 'document':
      return { text: `${unit.name}${row.title}：本期按要求推进，未结案件已明确下一步工作措施。` };
    default: {
      const definition = plan.reportKinds[row.kind];
      const fields: Record<string, string | number> = {};
      for (const field of definition?.fields ?? []) {
        fields[field.name] = field.type === 'number' ? 1 : field.type === 'date' ? '2026-01-01' : `${unit.name}填报`;
      }
      return { text: `${unit.name}${row.title}`, fields };
    }
  }
}

/** The phase whose reports a leader sends back once: the second phase with deliverables (排查建档 in the county plan). */
export function phaseToReturn(plan: Plan): string | undefined {
  const withDeliverables = plan.phases.filter((p) => p.deliverables.length > 0 && p.gate !== 'approval');
  return (withDeliverables[1] ?? withDeliverables[0])?.id;
}

export const RETURN_REASON = '台帐缺少包案领导和办结时限（四明确），请补充后重新上报';
// Ten days to correct: on a loaded machine, at a fraction of a second per plan day, the leader's
// update can reach the campaign several plan days after the status it was decided on, and the new
// due date must still lie ahead of the campaign then.
export const RETURN_AFTER_MS = 10 * DAY_MS;

export function leaderActor(plan: Plan): string {
  return `leader:${plan.leadingGroup.head.id}`;
}
