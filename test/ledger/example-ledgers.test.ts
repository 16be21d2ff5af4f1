import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLedgerFile } from '../../activities/ledger';
import { fileCases } from '../../domain/cases/case-ledger';
import { caseLedgerContextFromPlan, createCaseLedger } from '../../domain/cases/ledger-context';
import { parsePlanText } from '../../domain/plan/load-plan';

const examples = path.join(__dirname, '../../examples');

async function countyPlan() {
  const parsed = parsePlanText(await readFile(path.join(examples, 'county-petition-campaign.yaml'), 'utf8'), 'county');
  if (!parsed.ok) throw new Error('the county example must validate');
  return parsed.plan;
}

describe('the example ledgers shipped for the county example', () => {
  it.each(['county-ledger.csv', 'county-ledger.xlsx'])(
    '%s holds a dozen cases of every category, each filed in its unit without a refusal',
    async (file) => {
      const plan = await countyPlan();
      const context = caseLedgerContextFromPlan(plan);
      const result = await readLedgerFile(path.join(examples, file), { ...context, defaultYear: 2026 });
      if (!result.ok) throw new Error(`${file} must import: ${JSON.stringify(result.errors.slice(0, 3))}`);
      const filings = result.filings.map((f) => f.filing);
      const perCategory = new Map<string, number>();
      for (const f of filings) perCategory.set(f.category, (perCategory.get(f.category) ?? 0) + 1);
      expect(Object.fromEntries(perCategory)).toEqual(Object.fromEntries(plan.caseCategories.map((c) => [c.id, 12])));
      const byUnit = new Map<string, typeof filings>();
      for (const f of filings) byUnit.set(f.owningUnit, [...(byUnit.get(f.owningUnit) ?? []), f]);
      expect([...byUnit.keys()].sort()).toEqual(plan.units.map((u) => u.id).sort());
      for (const [unitId, own] of byUnit) {
        const filed = fileCases(
          createCaseLedger({ ...context, idPrefix: unitId }),
          own,
          'office',
          Date.parse('2026-04-20T10:00:00+08:00'),
        );
        expect(filed.ok ? filed.ledger.cases.length : filed).toBe(own.length);
      }
    },
  );

  it('say the same in CSV and XLSX', async () => {
    const context = { ...caseLedgerContextFromPlan(await countyPlan()), defaultYear: 2026 };
    const [csv, xlsx] = await Promise.all(
      ['county-ledger.csv', 'county-ledger.xlsx'].map((file) => readLedgerFile(path.join(examples, file), context)),
    );
    const strip = (r: typeof csv) => (r?.ok ? r.filings.map((f) => f.filing) : r);
    expect(strip(xlsx)).toEqual(strip(csv));
  });
});
