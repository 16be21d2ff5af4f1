import { z } from 'zod';
import type { PlanDraft } from './draft-model';
import { dateText } from './resolve-date';

/**
 * How well drafts match an answer key written by hand from the seed documents: precision and
 * recall per kind of element. A date the draft leaves as a placeholder is not counted as given;
 * a date it gives that the key does not have is a wrong (invented) date.
 */
const KeyDate = z.string().nullable();
export const AnswerKeySchema = z.object({
  seed: z.string(),
  plan: z.number().int().positive(),
  about: z.string(),
  phases: z.array(z.object({ name: z.string(), start: KeyDate, end: KeyDate })),
  deliverables: z.array(z.object({ title: z.string(), due: KeyDate })),
  units: z.array(z.string()),
  leaders: z.array(
    z.object({ role: z.enum(['head', 'deputy', 'member']), name: z.string().nullable(), title: z.string().optional() }),
  ),
});
export type AnswerKey = z.infer<typeof AnswerKeySchema>;

export interface Tally {
  found: number;
  expected: number;
  matched: number;
}

export type Kind = 'phases' | 'datedDeliverables' | 'units' | 'leaders' | 'dates';

export function emptyTallies(): Record<Kind, Tally> {
  const zero = () => ({ found: 0, expected: 0, matched: 0 });
  return { phases: zero(), datedDeliverables: zero(), units: zero(), leaders: zero(), dates: zero() };
}

/** One-to-one matches between two lists of comparable strings. */
function matchCount(found: string[], expected: string[]): number {
  const pool = [...expected];
  let matched = 0;
  for (const item of found) {
    const at = pool.indexOf(item);
    if (at >= 0) {
      pool.splice(at, 1);
      matched++;
    }
  }
  return matched;
}

function add(tally: Tally, found: string[], expected: string[]): void {
  tally.found += found.length;
  tally.expected += expected.length;
  tally.matched += matchCount(found, expected);
}

export function scoreDraft(draft: PlanDraft, key: AnswerKey, tallies: Record<Kind, Tally>): void {
  const window = (start: string | null | undefined, end: string | null | undefined) => `${start ?? '?'}..${end ?? '?'}`;
  add(
    tallies.phases,
    draft.phases.map((p) => window(dateText(p.start), dateText(p.end))),
    key.phases.map((p) => window(p.start, p.end)),
  );
  const dated = draft.deliverables.flatMap((d) => dateText(d.due) ?? []);
  add(
    tallies.datedDeliverables,
    dated,
    key.deliverables.flatMap((d) => d.due ?? []),
  );
  add(
    tallies.units,
    draft.units.flatMap((u) => u.name ?? []),
    key.units,
  );
  const person = (role: string, name: string | null | undefined) => `${role}:${name ?? '?'}`;
  add(
    tallies.leaders,
    draft.leaders.map((l) => person(l.role, l.name)),
    key.leaders.map((l) => person(l.role, l.name)),
  );
  const draftDates = [...draft.phases.flatMap((p) => [dateText(p.start), dateText(p.end)]), ...dated].flatMap(
    (d) => d ?? [],
  );
  const keyDates = [...key.phases.flatMap((p) => [p.start, p.end]), ...key.deliverables.map((d) => d.due)].flatMap(
    (d) => d ?? [],
  );
  add(tallies.dates, draftDates, keyDates);
}

export const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
