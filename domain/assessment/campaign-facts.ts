import { NO_FACTS, type AssessmentFacts, type UnitFacts } from './facts';

/**
 * A unit's facts for an assessment (考核评比), read from what the campaign already keeps about it:
 * its reports (on time, late, missing; a report past due and not in is missing), the escalation
 * steps it reached and which of them were public notices (通报批评), its accountability marks
 * (责任追究) and its ledger (cases filed, closed, overdue: 办结率). Only the shapes are named here,
 * so the domain needs nothing from the workflows that hold them.
 */
export interface UnitRecord {
  rows: readonly { state: 'open' | 'overdue' | 'on-time' | 'late' | 'missing' }[];
  escalations: readonly { publicNotice: boolean }[];
  marks: readonly unknown[];
  cases?: { filed: number; closed: number; overdue: number };
}

export function unitFactsFrom(record: UnitRecord): UnitFacts {
  const count = (...states: UnitRecord['rows'][number]['state'][]) =>
    record.rows.filter((row) => states.includes(row.state)).length;
  return {
    ...NO_FACTS,
    owed: count('on-time', 'late', 'missing', 'overdue'),
    onTime: count('on-time'),
    late: count('late'),
    missing: count('missing', 'overdue'),
    casesFiled: record.cases?.filed ?? 0,
    casesClosed: record.cases?.closed ?? 0,
    overdueCases: record.cases?.overdue ?? 0,
    escalationSteps: record.escalations.length,
    publicNotices: record.escalations.filter((e) => e.publicNotice).length,
    accountabilityMarks: record.marks.length,
  };
}

/**
 * The facts a closing computes with: the campaign's own, and what the office gives when it closes
 * (a unit's facts it gives replace the campaign's for that unit, e.g. a notice issued on paper;
 * leaders' vetoes come only from the office).
 */
export function closingFacts(
  campaign: Record<string, UnitFacts> | undefined,
  given: AssessmentFacts | undefined,
): AssessmentFacts {
  return { units: { ...campaign, ...given?.units }, vetoes: given?.vetoes ?? [] };
}
