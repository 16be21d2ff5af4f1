// Writes examples/plan.schema.json from PlanSchema (`npm run schema`); a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { planJsonSchemaText } from '../domain/plan/plan-json-schema';

const target = path.resolve(__dirname, '..', 'examples', 'plan.schema.json');
writeFileSync(target, planJsonSchemaText());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
