import { z } from 'zod';

/** Events the campaign workflow sends to every unit workflow, numbered so re-sends are harmless. */
const ObligationSpecSchema = z.object({
  key: z.string(),
  deliverableId: z.string(),
  phaseId: z.string(),
  phaseName: z.string(),
  title: z.string(),
  kind: z.string(),
  owedBy: z.union([z.literal('all'), z.array(z.string())]),
  dueMs: z.number(),
  closesAtMs: z.number().optional(),
  alerts: z.array(z.looseObject({ type: z.enum(['reminder', 'overdue', 'escalation']), atMs: z.number() })),
});

export const CampaignEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('phase-opened'),
    seq: z.number().int(),
    phaseId: z.string(),
    phaseName: z.string(),
    startMs: z.number(),
    endMs: z.number(),
    /** The plan lets units file cases (立案) from this phase on; absent in events sent before the ledger. */
    casesFiling: z.boolean().default(false),
    obligations: z.array(ObligationSpecSchema),
  }),
  z.object({
    type: z.literal('phase-returned'),
    seq: z.number().int(),
    phaseId: z.string(),
    /** Only these deliverables go back; absent: every deliverable of the phase. */
    deliverableIds: z.array(z.string()).optional(),
    reason: z.string(),
    newDueMs: z.number(),
    by: z.string(),
  }),
  z.object({ type: z.literal('phase-closed'), seq: z.number().int(), phaseId: z.string(), approved: z.boolean() }),
  z.object({ type: z.literal('paused'), seq: z.number().int(), by: z.string() }),
  z.object({ type: z.literal('resumed'), seq: z.number().int(), by: z.string() }),
  z.object({
    type: z.literal('campaign-ended'),
    seq: z.number().int(),
    cancelled: z.object({ reason: z.string(), by: z.string() }).optional(),
  }),
]);
export type CampaignEvent = z.infer<typeof CampaignEventSchema>;
