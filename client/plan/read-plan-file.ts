import { FILE_LIMITS, FileRefusal, readTextFile } from '../../activities/files/bounded-file';
import { parsePlanText } from '../../domain/plan/load-plan';
import { planError } from '../../domain/plan/plan-issue';
import type { PlanValidation, ValidateOptions } from '../../domain/plan/validate-plan';

const REASONS: Record<string, string> = {
  file_not_found: 'there is no such file; check the path (it is relative to the current directory)',
  file_unreadable: 'permission denied; the file exists but this user may not read it',
};

/**
 * Reads a plan file (YAML or JSON) and checks it. A missing or unreadable file is a plan issue; what
 * is no plan file at all (a directory, a FIFO, a device, a file over the bound, bytes that are not
 * UTF-8) throws a FileRefusal, which the CLI shows as a usage error.
 */
export async function readPlanFile(filePath: string, options: ValidateOptions = {}): Promise<PlanValidation> {
  let text: string;
  try {
    text = await readTextFile(filePath, FILE_LIMITS.plan);
  } catch (error) {
    const reason = error instanceof FileRefusal ? REASONS[error.code] : undefined;
    if (error instanceof FileRefusal && reason !== undefined) {
      return {
        ok: false,
        errors: [planError(error.code, [], `cannot read plan file "${filePath}": ${reason}`)],
        warnings: [],
      };
    }
    throw error;
  }
  return parsePlanText(text, filePath, options);
}
