import type { Assessment } from '../plan/assessment-schema';
import type { AssessmentResult, EntrantResult } from './result-schema';

/**
 * The published lines a unit may read: its own, when it is ranked itself, and those of the entrants
 * it nominated (申报单位: a school's teachers in an 有效课堂 acceptance), in ranking order.
 */
export function linesForUnit(assessment: Assessment, result: AssessmentResult, unitId: string): EntrantResult[] {
  const own = new Set([unitId, ...(assessment.entrants ?? []).filter((e) => e.unit === unitId).map((e) => e.id)]);
  return result.ranking.filter((line) => own.has(line.entrant));
}
