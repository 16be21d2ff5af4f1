import { readFile } from 'node:fs/promises';
import { parsePlanText } from '../../domain/plan/load-plan';
import { planError } from '../../domain/plan/plan-issue';
import type { PlanValidation, ValidateOptions } from '../../domain/plan/validate-plan';

const REASONS: Record<string, [string, string]> = {
  ENOENT: ['file_not_found', 'there is no such file; check the path (it is relative to the current directory)'],
  EISDIR: ['not_a_file', 'this is a directory; give the plan file inside it'],
  EACCES: ['file_unreadable', 'permission denied; the file exists but this user may not read it'],
  EPERM: ['file_unreadable', 'permission denied; the file exists but this user may not read it'],
};

/** Reads a plan file (YAML or JSON) and checks it; a missing or unreadable file is an issue, not a throw. */
export async function readPlanFile(filePath: string, options: ValidateOptions = {}): Promise<PlanValidation> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const [issueCode, reason] = REASONS[code] ?? [
      'file_unreadable',
      error instanceof Error ? error.message : String(error),
    ];
    return {
      ok: false,
      errors: [planError(issueCode, [], `cannot read plan file "${filePath}": ${reason}`)],
      warnings: [],
    };
  }
  return parsePlanText(text, filePath, options);
}
