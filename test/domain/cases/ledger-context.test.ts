import { describe, expect, it } from 'vitest';
import { fileCases } from '../../../domain/cases/case-ledger';
import { createCaseLedger, unitLedgerContext } from '../../../domain/cases/ledger-context';
import { IdSchema } from '../../../domain/plan/schema';
import { countyContext, filing, FILED_AT } from './case-fixture';

function firstIdFiledBy(unitId: string): string {
  const result = fileCases(createCaseLedger(unitLedgerContext(countyContext, unitId)), [filing()], 'office', FILED_AT);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.ledger.cases[0]!.id;
}

describe("a unit's case numbering", () => {
  it("starts with the unit's id, so a transferred case never meets one of the same number", () => {
    expect(firstIdFiledBy('town-dongfang')).toBe('town-dongfang-0001');
    expect(firstIdFiledBy('court')).toBe('court-0001');
  });

  it('keeps the plain numbering when the unit id leaves no room for a number within 64 characters', () => {
    expect(firstIdFiledBy('u'.repeat(58))).toBe(`${'u'.repeat(58)}-0001`);
    expect(IdSchema.safeParse(firstIdFiledBy('u'.repeat(58))).success).toBe(true);
    expect(firstIdFiledBy('u'.repeat(59))).toBe('case-0001');
  });
});
