import { dec, sum } from '../assessment/decimal';
import { quotaOf, type Assessment } from './assessment-schema';
import { planError, planWarning, type IssuePath, type PlanIssue } from './plan-issue';
import type { LoosePlan } from './salvage-plan';

/**
 * Groups, award tiers and nomination quotas of the assessment section: a group names entrants
 * that exist, once each; a tier per group fits in every group and an overall tier in the field;
 * a tier says how many it takes (count, minScore or rest); a unit nominates no more than its quota.
 */

const AT: IssuePath = ['assessment'];

/** The ids that are ranked: the entrants listed, or every unit of the plan. */
export function entrantIdsOf(assessment: Assessment, plan: LoosePlan): string[] {
  if (assessment.entrants) return assessment.entrants.map((e) => e.id);
  return plan.units.flatMap((unit) => (unit ? [unit.id] : []));
}

export function checkGroups(assessment: Assessment, entrants: readonly string[]): PlanIssue[] {
  const known = new Set(entrants);
  const groupOf = new Map<string, string>();
  const issues: PlanIssue[] = [];
  const groupIds = new Set<string>();
  assessment.groups.forEach((group, g) => {
    if (groupIds.has(group.id)) {
      issues.push(planError('duplicate_id', [...AT, 'groups', g, 'id'], `group "${group.id}" is listed twice`));
    }
    groupIds.add(group.id);
    group.entrants.forEach((id, k) => {
      const path = [...AT, 'groups', g, 'entrants', k];
      const earlier = groupOf.get(id);
      if (!known.has(id)) issues.push(planError('unknown_entrant', path, `no entrant or unit has id "${id}"`));
      else if (earlier !== undefined) {
        const message = `"${id}" is already in group "${earlier}"; an entrant belongs to one group`;
        issues.push(planError('entrant_in_two_groups', path, message));
      } else groupOf.set(id, group.id);
    });
  });
  const perGroup = assessment.awards.some((award) => award.per === 'group');
  const outside = entrants.filter((id) => !groupOf.has(id));
  if (perGroup && assessment.groups.length > 0 && outside.length > 0) {
    const message = `${outside.length} entrant(s) are in no group and cannot receive an award given per group: ${outside.slice(0, 5).join(', ')}`;
    issues.push(planWarning('entrants_without_group', [...AT, 'groups'], message));
  }
  return issues;
}

function maxTotal(assessment: Assessment): number {
  const weighted = assessment.items.some((item) => item.weight !== undefined);
  return weighted ? 100 : sum(assessment.items.map((item) => dec(item.points ?? 0))).toNumber();
}

function checkTierSize(assessment: Assessment, entrants: readonly string[], a: number): PlanIssue[] {
  const award = assessment.awards[a];
  if (!award || award.count === undefined) return [];
  const path = [...AT, 'awards', a, 'count'];
  if (award.per === 'all') {
    if (award.count <= entrants.length) return [];
    const message = `${award.name} is given to ${award.count}, more than the ${entrants.length} entrants`;
    return [planError('award_larger_than_field', path, message)];
  }
  return assessment.groups.flatMap((group) => {
    if (award.count === undefined || award.count <= group.entrants.length) return [];
    const message = `${award.name} is given to ${award.count} per group, but group "${group.id}" has ${group.entrants.length}`;
    return [planError('award_larger_than_group', path, message)];
  });
}

export function checkAwards(assessment: Assessment, entrants: readonly string[]): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const ids = new Set<string>();
  let restAt: number | undefined;
  assessment.awards.forEach((award, a) => {
    const path = [...AT, 'awards', a];
    if (ids.has(award.id))
      issues.push(planError('duplicate_id', [...path, 'id'], `award "${award.id}" is listed twice`));
    ids.add(award.id);
    if (award.count === undefined && award.minScore === undefined && !award.rest) {
      const message = `say how many receive ${award.name}: count, minScore (a level), or rest: true for all the others`;
      issues.push(planError('award_unbounded', path, message));
    }
    if (award.rest && award.count !== undefined) {
      issues.push(planError('award_rest_with_count', path, `${award.name} is for the rest; it takes no count`));
    }
    if (award.per === 'group' && assessment.groups.length === 0) {
      const message = `${award.name} is given per group, but the assessment has no groups`;
      issues.push(planError('award_per_group_without_groups', [...path, 'per'], message));
    }
    if (award.minScore !== undefined && award.minScore > maxTotal(assessment)) {
      const message = `${award.name} needs ${award.minScore}, more than the highest possible total ${maxTotal(assessment)}`;
      issues.push(planWarning('award_out_of_reach', [...path, 'minScore'], message));
    }
    if (restAt !== undefined) {
      const message = `${award.name} comes after "${assessment.awards[restAt]?.name ?? ''}", which takes everyone left: nobody would receive it`;
      issues.push(planWarning('award_after_rest', path, message));
    }
    if (award.rest && award.minScore === undefined) restAt = a;
    issues.push(...checkTierSize(assessment, entrants, a));
  });
  return issues;
}

export function checkNomination(assessment: Assessment, plan: LoosePlan): PlanIssue[] {
  const nomination = assessment.nomination;
  if (!nomination) return [];
  const path = [...AT, 'nomination'];
  const issues: PlanIssue[] = [];
  const quota = quotaOf(nomination.quota);
  if (quota.numerator > quota.denominator) {
    issues.push(planError('quota_above_one', [...path, 'quota'], 'a nomination quota is a fraction of at most 1'));
  }
  const units = new Set(plan.units.flatMap((unit) => (unit ? [unit.id] : [])));
  for (const unit of Object.keys(nomination.members)) {
    if (!units.has(unit))
      issues.push(planError('unknown_unit', [...path, 'members', unit], `no unit has id "${unit}"`));
  }
  const nominated = new Map<string, number>();
  (assessment.entrants ?? []).forEach((entrant, i) => {
    if (entrant.unit === undefined) {
      const message = `with a nomination quota every entrant names the unit that nominated it`;
      issues.push(planError('entrant_without_unit', [...AT, 'entrants', i], message));
    } else nominated.set(entrant.unit, (nominated.get(entrant.unit) ?? 0) + 1);
  });
  for (const [unit, count] of nominated) {
    const members = nomination.members[unit];
    if (members === undefined) {
      const message = `unit "${unit}" nominates entrants, but its number of members is not given`;
      issues.push(planError('members_not_given', [...path, 'members'], message));
      continue;
    }
    const allowed = Math.floor((members * quota.numerator) / quota.denominator);
    if (count <= allowed) continue;
    const message = `unit "${unit}" nominates ${count}, but may nominate at most ${allowed} (${nomination.quota} of ${members}, rounded down)`;
    issues.push(planError('nomination_over_quota', [...path, 'members', unit], message));
  }
  return issues;
}
