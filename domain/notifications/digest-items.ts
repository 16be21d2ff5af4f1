import { z } from 'zod';

/**
 * The notices a digest gathers (digest-book.ts): one unit late, or about to be, with one report.
 * Each is a fact a recipient must still learn from the digest: unit × report × step.
 */

const Instant = z.iso.datetime({ offset: true });

const UnitDeliverable = {
  unitId: z.string(),
  unitName: z.string(),
  phaseId: z.string(),
  phaseName: z.string(),
  deliverableId: z.string(),
  deliverableTitle: z.string(),
  dueAt: Instant,
};

export const DigestItemSchemas = [
  z.object({ kind: z.literal('due_soon'), ...UnitDeliverable }),
  z.object({ kind: z.literal('overdue'), ...UnitDeliverable, lateByMs: z.number() }),
  z.object({
    kind: z.literal('escalation'),
    ...UnitDeliverable,
    lateByMs: z.number(),
    step: z.number().int(),
    stepLabel: z.string().optional(),
    accountability: z.boolean(),
  }),
  z.object({
    kind: z.literal('public_notice'),
    ...UnitDeliverable,
    lateByMs: z.number(),
    accountability: z.boolean(),
  }),
] as const;

export const DIGEST_KINDS = ['due_soon', 'overdue', 'escalation', 'public_notice'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

/** What one digest mail gathers: a unit's reminders (due soon and overdue alike), escalations, or 通报批评. */
export const DIGEST_GROUPS = ['reminder', 'escalation', 'public_notice'] as const;
export type DigestGroup = (typeof DIGEST_GROUPS)[number];
export const groupOf = (kind: DigestKind): DigestGroup =>
  kind === 'due_soon' || kind === 'overdue' ? 'reminder' : kind;

export const DigestItemSchema = z.discriminatedUnion('kind', [...DigestItemSchemas]);
export type DigestItem = z.infer<typeof DigestItemSchema>;

/** Items in one digest mail; a bigger day is split into parts (a payload stays far below 2 MB). */
export const MAX_DIGEST_ITEMS = 200;

export const DigestBodySchema = z.object({
  kind: z.literal('digest'),
  of: z.enum(DIGEST_GROUPS),
  /** The plan's local date the gathered notices fell on. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  items: z.array(DigestItemSchema).min(1).max(MAX_DIGEST_ITEMS),
});

export const isDigestKind = (kind: string): kind is DigestKind => (DIGEST_KINDS as readonly string[]).includes(kind);

/** The fact an item tells, as ids only (no names): what the outbox test counts, and the mail's header. */
export function factOf(item: DigestItem): string {
  const step = item.kind === 'escalation' ? `step-${item.step}` : item.kind;
  return `${item.unitId}/${item.deliverableId}/${item.dueAt}/${step}`;
}

/** The facts a mail tells: every item of a digest, the one of a notice it gathers, none otherwise. */
export function factsOfBody(body: { kind: string; items?: DigestItem[] }): string[] {
  if (body.kind === 'digest') return (body.items ?? []).map(factOf);
  const item = DigestItemSchema.safeParse(body);
  return item.success ? [factOf(item.data)] : [];
}
