import { z } from 'zod';
import { IdSchema } from '../plan/primitives';
import type { FactName } from '../plan/assessment-schema';
import { Decimal } from './decimal';

/**
 * What the campaign knows about a unit when it is assessed, as whole counts the shell fills from
 * the campaign's status and ledger. Rates are computed here, exactly, from the counts: a unit that
 * owed nothing (or filed no case) has a rate of 1, since it missed nothing.
 */
const Count = z.number().int().min(0).max(1_000_000).default(0);

export const UnitFactsSchema = z.object({
  owed: Count,
  onTime: Count,
  late: Count,
  missing: Count,
  casesFiled: Count,
  casesClosed: Count,
  overdueCases: Count,
  escalationSteps: Count,
  publicNotices: Count,
  accountabilityMarks: Count,
});
export type UnitFacts = z.infer<typeof UnitFactsSchema>;

export const NO_FACTS: UnitFacts = UnitFactsSchema.parse({});

/** A leader's recorded veto (一票否决) of one entrant, with the reason that will be published. */
export const LeaderVetoSchema = z.object({
  entrant: IdSchema,
  by: IdSchema,
  reason: z.string().trim().min(1).max(500),
});
export type LeaderVeto = z.infer<typeof LeaderVetoSchema>;

/** The facts input of a computation: per unit, and the vetoes leaders recorded. */
export const AssessmentFactsSchema = z.object({
  units: z.record(IdSchema, UnitFactsSchema).default({}),
  vetoes: z.array(LeaderVetoSchema).max(5_000).default([]),
});
export type AssessmentFacts = z.infer<typeof AssessmentFactsSchema>;

function rate(part: number, whole: number): Decimal {
  return whole === 0 ? new Decimal(1) : new Decimal(part).div(whole);
}

/** The value of a fact for a unit: a rate in [0, 1] or a count. */
export function factValue(facts: UnitFacts, fact: FactName): Decimal {
  switch (fact) {
    case 'on-time-rate':
      return rate(facts.onTime, facts.owed);
    case 'closure-rate':
      return rate(facts.casesClosed, facts.casesFiled);
    case 'reports-late':
      return new Decimal(facts.late);
    case 'reports-missing':
      return new Decimal(facts.missing);
    case 'overdue-cases':
      return new Decimal(facts.overdueCases);
    case 'escalation-steps':
      return new Decimal(facts.escalationSteps);
    case 'public-notices':
      return new Decimal(facts.publicNotices);
    case 'accountability-marks':
      return new Decimal(facts.accountabilityMarks);
  }
}

/** The words a fact is published with. */
export const FACT_NAMES: Record<FactName, string> = {
  'on-time-rate': '按时上报率',
  'closure-rate': '办结率',
  'reports-late': '迟报次数',
  'reports-missing': '漏报次数',
  'overdue-cases': '超期案件',
  'escalation-steps': '督办升级次数',
  'public-notices': '通报批评次数',
  'accountability-marks': '责任追究次数',
};
