import { z } from 'zod';
import { PlanSchema } from './schema';

/**
 * The JSON Schema that editors use to check and complete plan files while they are typed
 * (`# yaml-language-server: $schema=./plan.schema.json`). Generated from PlanSchema so the two
 * never drift; `io: 'input'` because an author may leave out every field that has a default.
 */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    ...schema,
    title: 'Campaign work plan (实施方案)',
    description: 'A campaign plan run by campaign-orchestrator: phases, deadlines, reports, reminders and escalation.',
  };
}

/** The file content, byte for byte: two-space JSON with a final newline. */
export function planJsonSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}
