/**
 * Problems found in a plan file, as data (like zod issues): a stable `code` for programs, a `path`
 * into the plan for editors, and a sentence for the office that wrote the plan.
 */
export type IssuePath = (string | number)[];

export interface PlanIssue {
  severity: 'error' | 'warning';
  code: string;
  path: IssuePath;
  message: string;
  /** Where in the plan file the issue points (1-based), when the plan came from text. */
  location?: { line: number; column: number };
}

export function planError(code: string, path: IssuePath, message: string): PlanIssue {
  return { severity: 'error', code, path, message };
}

export function planWarning(code: string, path: IssuePath, message: string): PlanIssue {
  return { severity: 'warning', code, path, message };
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `phases[2].deliverables[0].due`; keys that are not plain words are quoted: `reportKinds["a b"]`. */
export function formatIssuePath(path: IssuePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** `path: message`; an issue about the whole file has no path and prints its message alone. */
export function formatIssue(issue: PlanIssue): string {
  const path = formatIssuePath(issue.path);
  return path ? `${path}: ${issue.message}` : issue.message;
}
