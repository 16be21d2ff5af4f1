import { dec, sum } from '../assessment/decimal';
import { AssessmentSchema, RATE_FACTS, type Assessment, type AssessmentItem } from './assessment-schema';
import { planError, planWarning, type IssuePath, type PlanIssue } from './plan-issue';
import type { LoosePlan } from './salvage-plan';
import { checkAwards, checkGroups, checkNomination, entrantIdsOf } from './check-assessment-awards';

/**
 * Cross-field rules of the assessment section (考核评比) that zod cannot see one value at a
 * time: points or weights (and weights that add up to 100%), assessors who are leaders or on the
 * panel, trimmed means that keep at least one score, facts used the way they can be, and (in
 * check-assessment-awards.ts) groups, award tiers and nomination quotas.
 */

const AT: IssuePath = ['assessment'];
const isRate = (fact: string) => (RATE_FACTS as readonly string[]).includes(fact);

function duplicates(ids: readonly string[], path: IssuePath, what: string): PlanIssue[] {
  const seen = new Set<string>();
  return ids.flatMap((id, i) => {
    if (!seen.has(id)) return seen.add(id) && [];
    return [planError('duplicate_id', [...path, i, 'id'], `${what} "${id}" is listed twice`)];
  });
}

function leaderIds(plan: LoosePlan): string[] {
  const group = plan.leadingGroup;
  return [group.head, ...group.deputies, ...group.members].flatMap((p) => (p ? [p.id] : []));
}

/** The ids that may score an item without the plan naming them: the panel, or the leading group. */
export function defaultAssessors(assessment: Assessment, leaders: readonly string[]): string[] {
  return assessment.panel.length > 0 ? assessment.panel.map((p) => p.id) : [...leaders];
}

function checkItemKinds(items: readonly AssessmentItem[]): PlanIssue[] {
  const issues: PlanIssue[] = [];
  items.forEach((item, i) => {
    const path = [...AT, 'items', i];
    if (item.points === undefined && item.weight === undefined) {
      issues.push(planError('item_without_value', path, `item "${item.id}" needs either points or a weight (%)`));
    } else if (item.points !== undefined && item.weight !== undefined) {
      issues.push(planError('item_points_and_weight', path, `item "${item.id}" has both points and a weight`));
    }
  });
  const weighted = items.filter((item) => item.weight !== undefined);
  if (weighted.length > 0 && weighted.length < items.length) {
    const message = 'items are either all worth points or all weighted in percent, not a mix';
    issues.push(planError('items_mixed_points_and_weights', [...AT, 'items'], message));
  } else if (weighted.length > 0) {
    const total = sum(weighted.map((item) => dec(item.weight ?? 0)));
    if (!total.eq(100)) {
      const message = `the weights add up to ${total.toString()}%, not 100%`;
      issues.push(planError('weights_not_100', [...AT, 'items'], message));
    }
  }
  return issues;
}

function checkComputed(item: AssessmentItem, path: IssuePath): PlanIssue[] {
  const computed = item.computed;
  if (!computed) return [];
  const issues: PlanIssue[] = [];
  if (item.assessors) {
    const message = `item "${item.id}" is computed from the campaign's facts, so nobody scores it: drop its assessors`;
    issues.push(planError('computed_item_with_assessors', [...path, 'assessors'], message));
  }
  if (isRate(computed.fact) && computed.perEach !== undefined) {
    const message = `${computed.fact} is a rate that scales the item's maximum; perEach is for counts`;
    issues.push(planError('rate_with_per_each', [...path, 'computed', 'perEach'], message));
  }
  if (!isRate(computed.fact) && computed.perEach === undefined) {
    const message = `${computed.fact} is a count: say how many points each one takes off (perEach)`;
    issues.push(planError('count_without_per_each', [...path, 'computed'], message));
  }
  return issues;
}

function checkAssessors(assessment: Assessment, plan: LoosePlan): PlanIssue[] {
  const leaders = leaderIds(plan);
  const known = new Set([...leaders, ...assessment.panel.map((p) => p.id)]);
  const issues: PlanIssue[] = duplicates(
    assessment.panel.map((p) => p.id),
    [...AT, 'panel'],
    'panel member',
  );
  assessment.panel.forEach((person, i) => {
    if (leaders.includes(person.id)) {
      const message = `"${person.id}" is already a leader of the leading group; a leader scores as a leader`;
      issues.push(planError('panel_member_is_leader', [...AT, 'panel', i, 'id'], message));
    }
  });
  assessment.items.forEach((item, i) => {
    (item.assessors ?? []).forEach((id, k) => {
      if (known.has(id)) return;
      const message = `"${id}" is neither a leader of the leading group nor on the assessment panel`;
      issues.push(planError('unknown_assessor', [...AT, 'items', i, 'assessors', k], message));
    });
    issues.push(...checkComputed(item, [...AT, 'items', i]));
  });
  const approvers = assessment.approvers;
  if (typeof approvers === 'object') {
    approvers.leaders.forEach((id, k) => {
      if (leaders.includes(id)) return;
      const message = `"${id}" approves the result but is not a leader of the leading group`;
      issues.push(planError('unknown_approver', [...AT, 'approvers', 'leaders', k], message));
    });
  }
  return issues;
}

/** A trimmed mean must keep at least one score of every item it combines. */
function checkCombine(assessment: Assessment, leaders: readonly string[]): PlanIssue[] {
  const { method, dropHighest, dropLowest, over } = assessment.combine;
  const path = [...AT, 'combine'];
  if (method !== 'trimmed-mean') {
    if (dropHighest + dropLowest === 0) return [];
    const message = `dropHighest and dropLowest only apply to method: trimmed-mean, not ${method}`;
    return [planWarning('drops_without_trimmed_mean', path, message)];
  }
  const issues: PlanIssue[] = [];
  if (dropHighest + dropLowest === 0) {
    issues.push(planWarning('trimmed_mean_drops_nothing', path, 'a trimmed mean that drops nothing is a plain mean'));
  }
  const scored = assessment.items.filter((item) => !item.computed);
  scored.forEach((item) => {
    const count = (item.assessors ?? defaultAssessors(assessment, leaders)).length;
    if (count > dropHighest + dropLowest) return;
    const i = assessment.items.indexOf(item);
    const message = `item "${item.id}" has ${count} assessor(s) and the trimmed mean drops ${dropHighest + dropLowest}: no score would be left`;
    issues.push(planError('trimmed_mean_drops_all', [...AT, 'items', i], message));
  });
  if (over === 'assessor-total') {
    const sets = new Set(scored.map((item) => (item.assessors ?? defaultAssessors(assessment, leaders)).join(',')));
    if (sets.size > 1) {
      const message =
        "over: assessor-total adds each assessor's scores of a unit, so every scored item needs the same assessors";
      issues.push(planError('assessor_total_mixed_assessors', [...path, 'over'], message));
    }
  }
  return issues;
}

function checkFactsAndOrder(assessment: Assessment, plan: LoosePlan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  assessment.deductions.forEach((deduction, i) => {
    if (!isRate(deduction.fact)) return;
    const message = `a deduction is taken per occurrence of a count; ${deduction.fact} is a rate`;
    issues.push(planError('deduction_on_rate', [...AT, 'deductions', i, 'fact'], message));
  });
  assessment.veto.when.forEach((rule, i) => {
    if (!isRate(rule.fact)) return;
    const message = `a veto is set off by a count reaching atLeast; ${rule.fact} is a rate`;
    issues.push(planError('veto_on_rate', [...AT, 'veto', 'when', i, 'fact'], message));
  });
  const itemIds = new Set(assessment.items.map((item) => item.id));
  assessment.tieBreak.forEach((id, i) => {
    if (itemIds.has(id)) return;
    issues.push(planError('unknown_item', [...AT, 'tieBreak', i], `no assessment item has id "${id}"`));
  });
  const window = assessment.window;
  if (window && 'phase' in window && !plan.phases.some((phase) => phase?.id === window.phase)) {
    issues.push(planError('unknown_phase', [...AT, 'window', 'phase'], `no phase has id "${window.phase}"`));
  }
  if (window && 'start' in window && window.end < window.start) {
    const message = `the scoring window ends on ${window.end}, before it starts on ${window.start}`;
    issues.push(planError('window_ends_before_start', [...AT, 'window', 'end'], message));
  }
  return issues;
}

function usesFacts(assessment: Assessment): boolean {
  const computed = assessment.items.some((item) => item.computed);
  return computed || assessment.deductions.length > 0 || assessment.veto.when.length > 0;
}

function checkEntrants(assessment: Assessment, plan: LoosePlan): PlanIssue[] {
  const entrants = assessment.entrants;
  if (!entrants) return [];
  const units = new Set(plan.units.flatMap((unit) => (unit ? [unit.id] : [])));
  const issues = duplicates(
    entrants.map((e) => e.id),
    [...AT, 'entrants'],
    'entrant',
  );
  entrants.forEach((entrant, i) => {
    if (entrant.unit === undefined || units.has(entrant.unit)) return;
    issues.push(planError('unknown_unit', [...AT, 'entrants', i, 'unit'], `no unit has id "${entrant.unit}"`));
  });
  if (usesFacts(assessment) && entrants.some((entrant) => !units.has(entrant.id))) {
    const message =
      'the campaign keeps facts (reports, cases, notices) per unit; entrants that are not units of the plan get none, so computed items, deductions and vetoes by fact pass them by';
    issues.push(planWarning('facts_for_non_units', [...AT, 'entrants'], message));
  }
  return issues;
}

export function checkAssessment(plan: LoosePlan, input: unknown): PlanIssue[] {
  const raw = input !== null && typeof input === 'object' ? (input as Record<string, unknown>).assessment : undefined;
  if (raw === undefined) return [];
  const parsed = AssessmentSchema.safeParse(raw);
  // A section zod rejects has its problems reported by the schema; the rules below need it whole.
  if (!parsed.success) return [];
  const assessment = parsed.data;
  const entrants = entrantIdsOf(assessment, plan);
  return [
    ...duplicates(
      assessment.items.map((item) => item.id),
      [...AT, 'items'],
      'item',
    ),
    ...checkItemKinds(assessment.items),
    ...checkAssessors(assessment, plan),
    ...checkCombine(assessment, leaderIds(plan)),
    ...checkFactsAndOrder(assessment, plan),
    ...checkEntrants(assessment, plan),
    ...checkGroups(assessment, entrants),
    ...checkAwards(assessment, entrants),
    ...checkNomination(assessment, plan),
  ];
}
