import { fileCases } from '../cases/case-ledger';
import type { CaseCommand } from '../cases/case-notices';
import type { Case, CaseFiling } from '../cases/case-schema';
import { caseLedgerContextFromPlan, createCaseLedger } from '../cases/ledger-context';
import type { Plan } from '../plan/schema';

/**
 * A matter handed over at a reception becomes a case exactly as if the unit had filed it: the
 * ledger's own filing rules build it (四明确, the ladder, the case_assigned notices), and the unit
 * takes it whole, like a case handed over by another unit. Built here, so the reception
 * workflow never writes a case by hand.
 */
export function caseForHandOver(
  plan: Plan,
  filing: CaseFiling,
  by: string,
  nowMs: number,
): { ok: true; case: Case; commands: CaseCommand[] } | { ok: false; message: string } {
  const outcome = fileCases(createCaseLedger(caseLedgerContextFromPlan(plan)), [filing], by, nowMs);
  if (!outcome.ok) return { ok: false, message: outcome.errors.map((e) => e.message).join('; ') };
  const filed = outcome.ledger.cases[0];
  if (!filed) return { ok: false, message: 'the ledger did not take the case' };
  return { ok: true, case: filed, commands: outcome.commands };
}
