import { didYouMean } from './did-you-mean';
import { formatIssuePath, planError, planWarning, type IssuePath, type PlanIssue } from './plan-issue';
import type { LooseDeliverable, LoosePlan } from './salvage-plan';
import { BUILT_IN_REPORT_KINDS, type EscalationStep } from './schema';

/**
 * Identity rules zod cannot see one value at a time: ids are unique where they are looked up, and
 * every id a plan mentions (a parent unit, a unit that owes a report, a leader to notify, a report
 * kind) names something the plan defines.
 */
interface Named {
  id: string;
  path: IssuePath;
}

function duplicateIds(entries: Named[]): PlanIssue[] {
  const first = new Map<string, IssuePath>();
  const issues: PlanIssue[] = [];
  for (const entry of entries) {
    const earlier = first.get(entry.id);
    if (earlier) {
      const message = `"${entry.id}" is already used by ${formatIssuePath(earlier)}`;
      issues.push(planError('duplicate_id', [...entry.path, 'id'], message));
    } else first.set(entry.id, entry.path);
  }
  return issues;
}

function present<T>(list: (T | undefined)[], path: IssuePath): { value: T; path: IssuePath }[] {
  return list.flatMap((value, i) => (value === undefined ? [] : [{ value, path: [...path, i] }]));
}

function people(plan: LoosePlan): Named[] {
  const group = plan.leadingGroup;
  return [
    ...(group.head ? [{ id: group.head.id, path: ['leadingGroup', 'head'] }] : []),
    ...present(group.deputies, ['leadingGroup', 'deputies']).map((p) => ({ id: p.value.id, path: p.path })),
    ...present(group.members, ['leadingGroup', 'members']).map((p) => ({ id: p.value.id, path: p.path })),
    ...(plan.office ? [{ id: plan.office.id, path: ['office'] }] : []),
  ];
}

function deliverables(plan: LoosePlan): { value: LooseDeliverable; path: IssuePath }[] {
  return present(plan.phases, ['phases']).flatMap((phase) =>
    present(phase.value.deliverables, [...phase.path, 'deliverables']),
  );
}

function parentCycles(plan: LoosePlan): PlanIssue[] {
  const indexOf = new Map<string, number>();
  plan.units.forEach((unit, i) => {
    if (unit && !indexOf.has(unit.id)) indexOf.set(unit.id, i);
  });
  const issues: PlanIssue[] = [];
  plan.units.forEach((unit, i) => {
    if (!unit?.parent) return;
    if (!indexOf.has(unit.parent)) {
      const hint = didYouMean(unit.parent, indexOf.keys());
      issues.push(planError('unknown_unit', ['units', i, 'parent'], `no unit has id "${unit.parent}"${hint}`));
      return;
    }
    const chain = [i];
    for (let at = indexOf.get(unit.parent); at !== undefined; at = indexOf.get(plan.units[at]?.parent ?? '')) {
      if (at === i) {
        // Report a loop once, at its first unit in file order.
        if (Math.min(...chain) === i) {
          const names = [...chain, i].map((k) => plan.units[k]?.id ?? '?').join(' → ');
          issues.push(planError('parent_cycle', ['units', i, 'parent'], `the parent chain loops back: ${names}`));
        }
        return;
      }
      if (chain.includes(at)) return;
      chain.push(at);
    }
  });
  return issues;
}

function owedBy(plan: LoosePlan): PlanIssue[] {
  const unitIds = new Set(plan.units.flatMap((u) => (u ? [u.id] : [])));
  return deliverables(plan).flatMap(({ value, path }) => {
    if (value.owedBy === undefined || value.owedBy === 'all') return [];
    const owed = value.owedBy;
    const issues: PlanIssue[] = [];
    const seen = new Set<string>();
    owed.forEach((id, k) => {
      const at = [...path, 'owedBy', k];
      // A unit the list already names is no likely meaning for a typo in it.
      const others = [...unitIds].filter((known) => !owed.includes(known));
      if (!unitIds.has(id))
        issues.push(planError('unknown_unit', at, `no unit has id "${id}"${didYouMean(id, others)}`));
      else if (seen.has(id)) issues.push(planWarning('listed_twice', at, `"${id}" is listed twice`));
      seen.add(id);
    });
    if (!owed.some((id) => unitIds.has(id))) {
      const message = `no listed unit exists, so nobody owes "${value.title ?? value.id}"; nobody will be reminded or chased`;
      issues.push(planWarning('owed_by_nobody', [...path, 'owedBy'], message));
    }
    return issues;
  });
}

function reportKinds(plan: LoosePlan): PlanIssue[] {
  const builtIn: readonly string[] = BUILT_IN_REPORT_KINDS;
  return deliverables(plan).flatMap(({ value, path }) =>
    value.kind === undefined || builtIn.includes(value.kind) || Object.hasOwn(plan.reportKinds, value.kind)
      ? []
      : [
          planError(
            'unknown_report_kind',
            [...path, 'kind'],
            `"${value.kind}" is neither a built-in report kind (${builtIn.join(', ')}) nor defined under reportKinds${didYouMean(value.kind, [...builtIn, ...Object.keys(plan.reportKinds)])}`,
          ),
        ],
  );
}

function leaders(plan: LoosePlan): PlanIssue[] {
  const group = plan.leadingGroup;
  const leaderIds = new Set([group.head, ...group.deputies, ...group.members].flatMap((p) => (p ? [p.id] : [])));
  const ladders: { steps: (EscalationStep | undefined)[]; path: IssuePath }[] = [
    { steps: plan.escalation, path: ['escalation'] },
    ...deliverables(plan).flatMap(({ value, path }) =>
      value.escalation ? [{ steps: value.escalation, path: [...path, 'escalation'] }] : [],
    ),
  ];
  return ladders.flatMap(({ steps, path }) =>
    present(steps, path).flatMap((step) =>
      step.value.notify.flatMap((audience, j) => {
        if (typeof audience === 'string' || leaderIds.has(audience.leader)) return [];
        const hint =
          plan.office?.id === audience.leader
            ? ' (that is the office: notify "office" instead)'
            : didYouMean(audience.leader, leaderIds);
        const message = `no person in the leading group has id "${audience.leader}"${hint}`;
        return [planError('unknown_leader', [...step.path, 'notify', j, 'leader'], message)];
      }),
    ),
  );
}

export function checkReferences(plan: LoosePlan): PlanIssue[] {
  return [
    ...duplicateIds(present(plan.units, ['units']).map((u) => ({ id: u.value.id, path: u.path }))),
    ...duplicateIds(people(plan)),
    ...duplicateIds(present(plan.phases, ['phases']).map((p) => ({ id: p.value.id, path: p.path }))),
    ...duplicateIds(deliverables(plan).map((d) => ({ id: d.value.id, path: d.path }))),
    ...parentCycles(plan),
    ...owedBy(plan),
    ...reportKinds(plan),
    ...leaders(plan),
  ];
}
