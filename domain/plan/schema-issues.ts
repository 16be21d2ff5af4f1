import type { z } from 'zod';
import { planError, type IssuePath, type PlanIssue } from './plan-issue';

/**
 * Turns zod's issues into sentences about the plan ("units: a plan needs at least one
 * participating unit (责任单位)") instead of type-system talk ("expected array to have >=1 items").
 */
type ZodIssue = z.core.$ZodIssue;

/** The plan terms an office knows, keyed by field name. */
const TERMS: Record<string, string> = {
  campaign: 'the campaign (专项活动)',
  leadingGroup: 'the leading group (领导小组)',
  office: 'the campaign office (领导小组办公室)',
  units: 'participating unit (责任单位)',
  phases: 'phase (阶段)',
  deliverables: 'deliverable (上报材料)',
  head: 'the head (组长 / 主要领导)',
  contact: 'the contact person (联系人)',
  window: 'the phase window (时间安排)',
  due: 'the due date (上报时限)',
  notify: 'audience to notify',
};

const UNION_FORMS: Record<string, string> = {
  due: 'a due date is written "YYYY-MM-DD", {date: YYYY-MM-DD, time: HH:MM} or {after: <duration from the phase start>, time: HH:MM}',
  window:
    'a phase window is {start: YYYY-MM-DD, end: YYYY-MM-DD} or {duration: "2w", gap: "0d"} after the previous phase',
  recurrence: 'a recurrence is {every: "1w", first?, until?} or {monthlyOnDay: 1..28, until?}',
  owedBy: 'owedBy is "all" or a list of unit ids',
  notify:
    'an audience is unit-head, unit-contact, office, leading-group, all-units or {leader: <leading-group person id>}',
};

const KIND_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
};

export function valueAt(root: unknown, path: IssuePath): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : typeof value;
}

function lastKey(path: IssuePath): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string') return key;
  }
  return undefined;
}

function toPath(path: readonly PropertyKey[]): IssuePath {
  return path.map((key) => (typeof key === 'number' ? key : String(key)));
}

/** The union branch the author most likely meant: right shape first, then fewest missing fields. */
function likeliestBranch(branches: ZodIssue[][], root: unknown, base: IssuePath): ZodIssue[] {
  const score = (issues: ZodIssue[]): number[] => [
    issues.filter((i) => i.path.length === 0 && i.code === 'invalid_type').length,
    issues.filter((i) => valueAt(root, [...base, ...toPath(i.path)]) === undefined).length,
    issues.length,
  ];
  let best: ZodIssue[] = branches[0] ?? [];
  for (const branch of branches.slice(1)) {
    const [a, b] = [score(branch), score(best)];
    const better = a.findIndex((n, i) => n !== b[i]);
    if (better >= 0 && (a[better] ?? 0) < (b[better] ?? 0)) best = branch;
  }
  return best;
}

function mapUnion(issue: z.core.$ZodIssueInvalidUnion, root: unknown, path: IssuePath): PlanIssue[] {
  const best = likeliestBranch(issue.errors, root, path);
  const form = UNION_FORMS[lastKey(path) ?? ''];
  if (best.length === 0 || (form && best.every((i) => i.path.length === 0))) {
    const found = describeValue(valueAt(root, path));
    return [planError('wrong_form', path, `${form ?? 'does not match any allowed form'} (found ${found})`)];
  }
  return best.flatMap((inner) => mapSchemaIssue(inner, root, path));
}

function sentence(issue: ZodIssue, value: unknown, path: IssuePath): [string, string] {
  const key = lastKey(path) ?? '';
  const found = describeValue(value);
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return ['missing', `${TERMS[key] ?? 'this field'} is required`];
      if (path.length === 0) {
        return [
          'not_a_plan',
          `a plan is a mapping with campaign, leadingGroup, office, units and phases; found ${found}`,
        ];
      }
      const expected = KIND_NAMES[issue.expected] ?? issue.expected;
      return ['wrong_type', `expected ${expected}, found ${found}`];
    }
    case 'too_small':
      if (issue.origin === 'array') {
        const what = TERMS[key] ?? 'entry';
        return ['too_few', `needs at least ${Number(issue.minimum)} ${what}${issue.minimum === 1 ? '' : 's'}`];
      }
      if (issue.origin === 'string') return ['empty', 'must not be empty'];
      return ['too_small', `must be at least ${Number(issue.minimum)} (found ${found})`];
    case 'too_big':
      return ['too_big', `must be at most ${Number(issue.maximum)} (found ${found})`];
    case 'invalid_value':
      return ['not_allowed', `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')} (found ${found})`];
    case 'invalid_format':
      if (issue.format === 'email') return ['bad_email', `${found} is not an email address`];
      return ['bad_format', `${issue.message} (found ${found})`];
    case 'invalid_key':
      return ['bad_key', `"${String(key)}" is not a valid name: ${issue.issues[0]?.message ?? issue.message}`];
    case 'custom':
      return ['invalid', `${issue.message} (found ${found})`];
    default:
      return ['invalid', issue.message];
  }
}

/** One zod issue as plan issues; `base` is where the issue's own path starts (for nested unions). */
export function mapSchemaIssue(issue: ZodIssue, root: unknown, base: IssuePath = []): PlanIssue[] {
  const path = [...base, ...toPath(issue.path)];
  if (issue.code === 'invalid_union') return mapUnion(issue, root, path);
  const [code, message] = sentence(issue, valueAt(root, path), path);
  return [planError(code, path, message)];
}

/** Every zod issue mapped, keeping only the first for each path: a bad date should read once, not twice. */
export function mapSchemaIssues(issues: readonly ZodIssue[], root: unknown): PlanIssue[] {
  const seen = new Set<string>();
  return issues
    .flatMap((issue) => mapSchemaIssue(issue, root))
    .filter((issue) => {
      const key = JSON.stringify(issue.path);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
