import { z } from 'zod';
import { isRehearsal, PlanClockSchema, type PlanClock } from '../clock/plan-clock';
import type { Plan } from '../plan/schema';
import { PhaseCountsSchema } from '../unit/unit-progress';
import type { CampaignState } from './campaign-state';
import { campaignStatus, upcomingDeadlines, type CampaignStatus } from './campaign-status';

/** How many overdue deliverables the published status names; the count is always exact. */
export const PUBLISHED_OVERDUE_LISTED = 10;
/** How many upcoming deadlines it carries, so a reader still finds one ahead after the first passes. */
export const PUBLISHED_DEADLINES = 3;

/**
 * The campaign's standing as the campaign workflow last published it on itself (a memo), which the
 * server hands out without asking a worker: what a leader reads at a glance, answered at once
 * however busy the workers are, and even while none runs. It carries no time-dependent figures
 * (how late, how long until): a reader computes those from the plan clock it carries.
 */
export const PublishedStatusSchema = z.object({
  campaignId: z.string(),
  title: z.string(),
  status: z.enum(['running', 'completed', 'cancelled']),
  paused: z.boolean(),
  rehearsal: z.boolean(),
  timeZone: z.string(),
  clock: PlanClockSchema,
  /** Plan time of the state published. */
  asOfMs: z.number(),
  currentPhase: z
    .object({
      id: z.string(),
      name: z.string(),
      awaitingApproval: z.boolean(),
      window: z.object({ startMs: z.number(), endMs: z.number() }).optional(),
    })
    .optional(),
  deadlines: z.array(z.object({ title: z.string(), phaseId: z.string(), dueMs: z.number() })),
  units: z.number(),
  totals: PhaseCountsSchema,
  accountabilityMarks: z.number(),
  overdue: z.object({
    count: z.number(),
    units: z.number(),
    /** The longest overdue first. */
    first: z.array(
      z.object({ unitId: z.string(), unitName: z.string(), title: z.string(), phaseId: z.string(), dueMs: z.number() }),
    ),
  }),
  cases: z.object({
    filed: z.number(),
    open: z.number(),
    closed: z.number(),
    overdue: z.number(),
    closureRate: z.number().nullable(),
  }),
});
export type PublishedStatus = z.infer<typeof PublishedStatusSchema>;

/** The memo key the campaign publishes under. */
export const PUBLISHED_STATUS_MEMO = 'publishedStatus';

export function publishedStatus(
  status: CampaignStatus,
  clock: PlanClock,
  rehearsal: boolean,
  upcoming: { title: string; phaseId: string; dueMs: number }[],
): PublishedStatus {
  const phase = status.currentPhase;
  return {
    campaignId: status.campaignId,
    title: status.title,
    status: status.status,
    paused: status.paused,
    rehearsal,
    timeZone: status.timeZone,
    clock,
    asOfMs: status.nowMs,
    currentPhase: phase && {
      id: phase.id,
      name: phase.name,
      awaitingApproval: phase.awaitingApproval,
      ...(phase.window ? { window: { startMs: phase.window.startMs, endMs: phase.window.endMs } } : {}),
    },
    deadlines: upcoming.slice(0, PUBLISHED_DEADLINES),
    units: status.units.length,
    totals: status.totals,
    accountabilityMarks: status.accountabilityMarks,
    overdue: {
      count: status.overdue.length,
      units: new Set(status.overdue.map((o) => o.unitId)).size,
      first: [...status.overdue]
        .sort((a, b) => a.dueMs - b.dueMs)
        .slice(0, PUBLISHED_OVERDUE_LISTED)
        .map(({ unitId, unitName, title, phaseId, dueMs }) => ({ unitId, unitName, title, phaseId, dueMs })),
    },
    cases: {
      filed: status.ledger.filed,
      open: status.ledger.open,
      closed: status.ledger.closed,
      overdue: status.ledger.overdue,
      closureRate: status.ledger.closureRate,
    },
  };
}

/** Whether two publications say the same, the moment they describe aside. */
/** What a campaign publishes of itself at plan time `nowMs`. */
export function campaignPublication(
  plan: Plan,
  state: CampaignState,
  clock: PlanClock,
  nowMs: number,
): PublishedStatus {
  return publishedStatus(
    campaignStatus(plan, state, nowMs),
    clock,
    isRehearsal(clock),
    upcomingDeadlines(plan, state, nowMs),
  );
}

export function samePublication(a: PublishedStatus | undefined, b: PublishedStatus): boolean {
  return a !== undefined && JSON.stringify({ ...a, asOfMs: 0 }) === JSON.stringify({ ...b, asOfMs: 0 });
}
