import { LineCounter, parseDocument, type Document } from 'yaml';
import { formatIssue, planError, planWarning, type IssuePath, type PlanIssue } from './plan-issue';
import { validatePlan, type PlanValidation, type ValidateOptions } from './validate-plan';

/**
 * Plan text to a checked plan, without touching the disk (the client reads the file). YAML is a
 * superset of JSON, so one parser serves both and reports positions the same way. YAML 1.2 keeps
 * `09:00` and `2026-04-14` as strings (YAML 1.1 would read a base-60 number and a timestamp).
 */

function locate(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** The line of the deepest node on the issue's path that exists in the file. */
function locationOf(doc: Document, lineCounter: LineCounter, path: IssuePath): PlanIssue['location'] {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return locate(lineCounter, range[0]);
  }
  return undefined;
}

/**
 * `title: "查隐患、清积案"信访问题专项治理活动` is a quoted scalar followed by more text, which YAML
 * refuses as "Unexpected scalar at node end". Offices write such titles all the time; the fix is
 * to quote the whole value, in single quotes so the double quotes inside stay as they are.
 */
function quoteHint(text: string, lineCounter: LineCounter, offset: number): string {
  const { line } = lineCounter.linePos(offset);
  const source = text.split('\n')[line - 1] ?? '';
  const match = /^(\s*(?:- )?[^:#]+:\s+)(["'].*\S)\s*$/.exec(source);
  if (!match) return '';
  const value = match[2]!.replace(/'/g, "''");
  return ` — a value that starts with a quote mark must be quoted whole: write ${match[1]!.trim()} '${value}'`;
}

function syntaxIssues(
  doc: Document,
  lineCounter: LineCounter,
  text: string,
): { errors: PlanIssue[]; warnings: PlanIssue[] } {
  const toIssue = (
    severity: 'error' | 'warning',
    problem: { code: string; message: string; pos: [number, number] },
  ) => {
    // yaml's message repeats the position and quotes the source line; the first line is the sentence.
    const first = problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? problem.message;
    const sentence = first.startsWith('Unexpected scalar at node end')
      ? `${first}${quoteHint(text, lineCounter, problem.pos[0])}`
      : first;
    const make = severity === 'error' ? planError : planWarning;
    return {
      ...make(`yaml_${problem.code.toLowerCase()}`, [], sentence),
      location: locate(lineCounter, problem.pos[0]),
    };
  };
  return {
    errors: doc.errors.map((e) => toIssue('error', e)),
    warnings: doc.warnings.map((w) => toIssue('warning', w)),
  };
}

export function parsePlanText(text: string, fileName: string, options: ValidateOptions = {}): PlanValidation {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = syntaxIssues(doc, lineCounter, text);
  if (syntax.errors.length > 0) return { ok: false, errors: syntax.errors, warnings: syntax.warnings };
  if (doc.contents === null) {
    return { ok: false, errors: [planError('empty_file', [], `${fileName} holds no plan`)], warnings: syntax.warnings };
  }
  // toJS throws (ReferenceError) for an alias whose anchor is missing and for an alias bomb.
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const sentence = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, errors: [planError('yaml_alias', [], `${fileName}: ${sentence}`)], warnings: syntax.warnings };
  }
  const result = validatePlan(value, options);
  const place = (issue: PlanIssue): PlanIssue => ({ ...issue, location: locationOf(doc, lineCounter, issue.path) });
  const warnings = [...syntax.warnings, ...result.warnings.map(place)];
  const remaining = result.remaining ? { remaining: result.remaining.map(place) } : {};
  return result.ok
    ? { ...result, warnings, ...remaining }
    : { ok: false, errors: result.errors.map(place), warnings, ...remaining };
}

/** `plan.yaml:12:5: phases[1].window.start: …`, the form editors and terminals turn into links. */
export function formatIssueIn(fileName: string, issue: PlanIssue): string {
  const where = issue.location ? `${fileName}:${issue.location.line}:${issue.location.column}` : fileName;
  return `${where}: ${formatIssue(issue)}`;
}
