import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../client/plan/read-plan-file';
import { uniqueId } from '../helpers/temporal';
import { runWholePlan } from '../support/plan-runner';
import { withPlanTime } from '../support/time-skipping-harness';

describe('a plan drafted from the county document (seed 000 篇5) and filled in by hand', () => {
  it('runs from start to summary, with every report on time', async () => {
    const result = await readPlanFile(path.join(__dirname, '../fixtures/draft/county-plan-filled.yaml'));
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
    const plan = { ...result.plan, campaign: { ...result.plan.campaign, id: uniqueId('drafted-county') } };
    expect(plan.phases.map((p) => p.name)).toEqual(['宣傳發動', '排查建檔', '化解整治', '總結驗收']);
    await withPlanTime(plan, async (h) => {
      const summary = await runWholePlan(h, plan);
      expect(summary.status).toBe('completed');
      expect(summary.totals).toMatchObject({ onTime: summary.totals.owed, late: 0, missing: 0 });
    });
  });
});
