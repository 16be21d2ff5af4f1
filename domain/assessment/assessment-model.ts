import type { Assessment, AssessmentItem } from '../plan/assessment-schema';
import type { Plan } from '../plan/schema';
import { dec, type Decimal } from './decimal';

/**
 * The assessment section of a valid plan, resolved once for the arithmetic: every item's range
 * and assessors, every entrant with its name and group, every assessor with the name a score
 * sheet may use for them.
 */

export interface ItemModel {
  id: string;
  name: string;
  /** The highest score an assessor may give: the points, or `outOf` for a weighted item. */
  max: Decimal;
  weight?: Decimal;
  outOf: Decimal;
  assessors: string[];
  computed?: AssessmentItem['computed'];
}

export interface EntrantModel {
  id: string;
  name: string;
  group?: string;
  /** The unit whose facts apply to it, when it is one of the plan's units. */
  unit?: string;
}

export interface AssessmentModel {
  assessment: Assessment;
  items: ItemModel[];
  entrants: EntrantModel[];
  assessors: Map<string, string>;
  leaders: Set<string>;
  /** The leaders who may approve the result (审定), by the plan's `approvers`. */
  approvers: Set<string>;
  /** Assessors' and leaders' e-mail addresses, for reminders. */
  emails: Map<string, string>;
}

function resultApprovers(plan: Plan, assessment: Assessment): string[] {
  const { head, deputies, members } = plan.leadingGroup;
  const approvers = assessment.approvers;
  if (typeof approvers === 'object') return approvers.leaders;
  if (approvers === 'head') return [head.id];
  if (approvers === 'head-and-deputies') return [head, ...deputies].map((p) => p.id);
  return [head, ...deputies, ...members].map((p) => p.id);
}

function leaderList(plan: Plan): { id: string; name: string; email: string }[] {
  const group = plan.leadingGroup;
  return [group.head, ...group.deputies, ...group.members];
}

function itemModel(item: AssessmentItem, defaults: string[]): ItemModel {
  const outOf = dec(item.outOf);
  return {
    id: item.id,
    name: item.name,
    max: item.weight === undefined ? dec(item.points ?? 0) : outOf,
    ...(item.weight === undefined ? {} : { weight: dec(item.weight) }),
    outOf,
    assessors: item.computed ? [] : (item.assessors ?? defaults),
    ...(item.computed ? { computed: item.computed } : {}),
  };
}

export function assessmentModel(plan: Plan & { assessment: Assessment }): AssessmentModel {
  const assessment = plan.assessment;
  const leaders = leaderList(plan);
  const defaults = assessment.panel.length > 0 ? assessment.panel.map((p) => p.id) : leaders.map((p) => p.id);
  const groupOf = new Map<string, string>();
  for (const group of assessment.groups) for (const id of group.entrants) groupOf.set(id, group.id);
  const units = new Set(plan.units.map((unit) => unit.id));
  const listed = assessment.entrants ?? plan.units.map((unit) => ({ id: unit.id, name: unit.name }));
  const entrants = listed.map((e) => ({
    id: e.id,
    name: e.name,
    ...(groupOf.has(e.id) ? { group: groupOf.get(e.id) } : {}),
    ...(units.has(e.id) ? { unit: e.id } : {}),
  }));
  return {
    assessment,
    items: assessment.items.map((item) => itemModel(item, defaults)),
    entrants,
    assessors: new Map([...leaders, ...assessment.panel].map((p) => [p.id, p.name])),
    leaders: new Set(leaders.map((p) => p.id)),
    approvers: new Set(resultApprovers(plan, assessment)),
    emails: new Map([...leaders, ...assessment.panel].map((p) => [p.id, p.email])),
  };
}

/** What an item adds to the total: its score, or score / outOf × weight for a weighted item. */
export function contribution(item: ItemModel, score: Decimal): Decimal {
  return item.weight === undefined ? score : score.div(item.outOf).times(item.weight);
}

/** The highest total there is: the sum of points, or 100 for weighted items. */
export function maxTotalOf(model: AssessmentModel): Decimal {
  return model.items.reduce((total, item) => total.plus(contribution(item, item.max)), dec(0));
}

export function hasAssessment(plan: Plan): plan is Plan & { assessment: Assessment } {
  return plan.assessment !== undefined;
}
