import path from 'node:path';
import { readPlanFile } from '../../client/plan/read-plan-file';
import type { Plan } from '../../domain/plan/schema';
import { uniqueId } from '../helpers/temporal';

/** A plan of examples/ read as `campaign start` reads it, under a campaign id of its own for this test. */
export async function examplePlan(file: string, idPrefix: string): Promise<Plan> {
  const read = await readPlanFile(path.join(__dirname, '../../examples', file));
  if (!read.ok) throw new Error(read.errors.map((e) => e.message).join('; '));
  return { ...read.plan, campaign: { ...read.plan.campaign, id: uniqueId(idPrefix) } };
}
