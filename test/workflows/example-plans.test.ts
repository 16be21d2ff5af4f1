import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../client/plan/read-plan-file';
import type { Plan } from '../../domain/plan/schema';
import { uniqueId } from '../helpers/temporal';
import { runWholePlan } from '../support/plan-runner';
import { withPlanTime } from '../support/time-skipping-harness';

async function examplePlan(file: string): Promise<Plan> {
  const result = await readPlanFile(path.join(__dirname, '../../examples', file));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return { ...result.plan, campaign: { ...result.plan.campaign, id: uniqueId(file.replace('.yaml', '')) } };
}

describe('example plans run from start to summary', () => {
  it.each([
    ['school-three-phase.yaml', 3],
    ['weekly-progress.yaml', 3],
  ])('%s, with every report on time', async (file, phaseCount) => {
    const plan = await examplePlan(file);
    expect(plan.phases).toHaveLength(phaseCount);
    await withPlanTime(plan, async (h) => {
      const summary = await runWholePlan(h, plan);
      expect(summary.status).toBe('completed');
      expect(summary.totals.owed).toBeGreaterThan(plan.units.length);
      expect(summary.totals).toMatchObject({ onTime: summary.totals.owed, late: 0, missing: 0 });
      expect(summary.accountabilityMarks).toBe(0);
    });
  });
});
