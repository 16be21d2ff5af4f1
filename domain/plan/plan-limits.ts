import { z } from 'zod';

/**
 * How big a plan may be, checked by `validate` so that a plan it accepts is one the server takes:
 * the plan travels whole in the campaign's input (and again when the campaign continues as new,
 * beside its state), its title and names in the published-status memo, and every payload and memo
 * must stay under the server's 2 MB. The bounds are generous for real plans (a county has some
 * hundred units, a title is a line) and far below what would reach those limits.
 */
export const PLAN_LIMITS = {
  /** One line of text: a title, a name, an organiser. */
  title: 200,
  name: 100,
  email: 254,
  phone: 40,
  /** Free text such as an escalation label. */
  label: 200,
  units: 2_000,
  phases: 30,
  deliverablesPerPhase: 100,
  people: 200,
  reminders: 20,
  escalationSteps: 20,
  audiences: 20,
  caseCategories: 100,
  calendarDays: 1_000,
  reportKinds: 100,
  reportFields: 100,
  /**
   * The whole plan as UTF-8 JSON. A quarter of the 2 MB payload limit: the campaign's
   * continue-as-new input carries the plan beside a state that grows with the units.
   */
  encodedBytes: 512 * 1024,
  /** The payload and memo limits of a Temporal server as shipped, for messages. */
  serverPayloadBytes: 2 * 1024 * 1024,
} as const;

/** A line of text of at most `max` characters, never blank. */
export const lineOf = (max: number) => z.string().min(1).max(max, `at most ${max} characters`);

/** A line of optional text of at most `max` characters. */
export const textOf = (max: number) => z.string().max(max, `at most ${max} characters`);

/** The size a value takes in a payload (UTF-8 JSON), before the codec's few bytes of overhead. */
export function encodedBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}
