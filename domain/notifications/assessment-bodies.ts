import { z } from 'zod';

/**
 * Messages of an assessment (考核评比): a reminder to an assessor still owing scores, the late
 * assessors escalated after the deadline, the published result, and a periodic ranking notice
 * (排名通报). Bounded like every body: a mail names at most so many people and rows.
 */

const Instant = z.iso.datetime({ offset: true });
const Name = z.string().max(200);

export const AssessmentBodies = [
  z.object({
    kind: z.literal('assessment_reminder'),
    title: Name,
    assessorName: Name,
    missing: z.number().int(),
    dueAt: Instant,
  }),
  z.object({
    kind: z.literal('assessment_overdue'),
    title: Name,
    dueAt: Instant,
    step: z.number().int(),
    stepLabel: Name.optional(),
    late: z.array(z.object({ name: Name, missing: z.number().int() })).max(200),
  }),
  z.object({
    kind: z.literal('assessment_published'),
    title: Name,
    approvedBy: Name,
    entrants: z.number().int(),
    awards: z.array(z.object({ name: Name, entrants: z.array(Name).max(5_000) })).max(20),
    vetoes: z.array(z.object({ name: Name, reasons: z.array(z.string().max(600)).max(20) })).max(5_000),
    files: z.array(z.object({ name: z.string(), ref: z.string(), mediaType: z.string() })).max(10),
  }),
  z.object({
    kind: z.literal('ranking_notice'),
    title: Name,
    period: z.enum(['week', 'month']),
    from: z.string(),
    to: z.string(),
    /** The rates ranked by, in order, as published (按时上报率, 办结率). */
    columns: z.array(Name).max(2),
    rows: z.array(z.object({ rank: z.number().int(), unitName: Name, values: z.array(z.string()) })).max(5_000),
  }),
] as const;
