import { planError, type IssuePath, type PlanIssue } from './plan-issue';

/**
 * A value a person still has to fill in: `"<<待填: 年份>>"`. `campaign draft` writes one wherever a
 * document does not say (or does not say for sure) what the plan needs; `campaign validate` lists
 * each as "to be filled" with its path and line, and `campaign start` refuses a plan that has any.
 */
const PLACEHOLDER = /^<<待填[:：]\s*(.*?)\s*>>$/s;

export function placeholder(label: string): string {
  return `<<待填: ${label}>>`;
}

export function placeholderLabel(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return PLACEHOLDER.exec(value)?.[1];
}

export interface FoundPlaceholder {
  path: IssuePath;
  label: string;
}

/** Every placeholder in a parsed plan file, in file order (depth first, keys in their order). */
export function findPlaceholders(value: unknown, path: IssuePath = []): FoundPlaceholder[] {
  const label = placeholderLabel(value);
  if (label !== undefined) return [{ path, label }];
  if (Array.isArray(value)) return value.flatMap((item, index) => findPlaceholders(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findPlaceholders(item, [...path, key]));
  }
  return [];
}

function startsWith(path: IssuePath, prefix: IssuePath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

/**
 * True when an issue is only the echo of a placeholder: the schema refuses `"<<待填: 日期>>"` as a
 * date, and a cross-field rule about the phase (a prefix of the placeholder's path) cannot judge it.
 */
export function isPlaceholderEcho(issue: PlanIssue, found: FoundPlaceholder[]): boolean {
  return found.some(
    (spot) => startsWith(issue.path, spot.path) || (issue.path.length >= 2 && startsWith(spot.path, issue.path)),
  );
}

export function placeholderIssue(spot: FoundPlaceholder): PlanIssue {
  return planError('to_be_filled', spot.path, `to be filled (待填): ${spot.label}`);
}
