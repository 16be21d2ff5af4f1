import { describe, expect, it } from 'vitest';
import { initialCampaignState, type CampaignState } from '../../../domain/campaign/campaign-state';
import { campaignStatus, upcomingDeadlines } from '../../../domain/campaign/campaign-status';
import { advanceCampaign } from '../../../domain/campaign/phase-progression';
import {
  PUBLISHED_OVERDUE_LISTED,
  PublishedStatusSchema,
  publishedStatus,
  samePublication,
} from '../../../domain/campaign/published-status';
import { recordUnitProgress } from '../../../domain/campaign/unit-progress-record';
import { liveClock } from '../../../domain/clock/plan-clock';
import { beijing, largePlan } from '../../support/plans';

const plan = largePlan('glance', 30);
const window = plan.phases[0]!.window;
const firstDay = beijing(window && 'start' in window ? window.start : '2026-04-12');
const opened = (): CampaignState =>
  advanceCampaign(plan, initialCampaignState(plan.phases, firstDay - 86_400_000), firstDay).state;

/** Every unit late with one report, the later units later; a third of the cases closed. */
function withLateUnits(state: CampaignState): CampaignState {
  plan.units.forEach((unit, i) => {
    state = recordUnitProgress(state, {
      unitId: unit.id,
      version: 1,
      phases: { [plan.phases[0]!.id]: { owed: 2, onTime: 1, late: 0, open: 1, overdue: 1, missing: 0 } },
      overdue: [{ key: 'k', title: `报告${i}`, phaseId: plan.phases[0]!.id, dueMs: 1_000_000 + i, step: 1 }],
      marks: 0,
      escalations: [],
      ledger: { filed: 3, open: 2, closed: 1, overdue: 0, byCategory: {}, unreconciled: [], unreconciledCount: 2 },
    });
  });
  return state;
}

describe('the status a campaign publishes on itself', () => {
  it('sums up what a leader checks, names the longest overdue first, and counts them all', () => {
    const state = withLateUnits(opened());
    const nowMs = 2_000_000;
    const published = publishedStatus(
      campaignStatus(plan, state, nowMs),
      liveClock(nowMs),
      false,
      upcomingDeadlines(plan, state, nowMs),
    );
    expect(PublishedStatusSchema.parse(published)).toEqual(published);
    expect(published.units).toBe(30);
    expect(published.totals).toMatchObject({ owed: 60, onTime: 30, open: 30, overdue: 30 });
    expect(published.overdue.count).toBe(30);
    expect(published.overdue.units).toBe(30);
    expect(published.overdue.first).toHaveLength(PUBLISHED_OVERDUE_LISTED);
    expect(published.overdue.first.map((o) => o.title)).toEqual(
      Array.from({ length: PUBLISHED_OVERDUE_LISTED }, (_, i) => `报告${i}`),
    );
    expect(published.cases).toEqual({ filed: 90, open: 60, closed: 30, overdue: 0, closureRate: 30 / 90 });
    expect(published.currentPhase?.id).toBe(plan.phases[0]!.id);
    expect(published.asOfMs).toBe(nowMs);
  });

  it('carries the deadlines still ahead, soonest first', () => {
    const state = opened();
    const all = upcomingDeadlines(plan, state, 0);
    expect(all.length).toBeGreaterThan(1);
    expect(all.map((d) => d.dueMs)).toEqual([...all.map((d) => d.dueMs)].sort((a, b) => a - b));
    const afterFirst = upcomingDeadlines(plan, state, all[0]!.dueMs);
    expect(afterFirst.every((d) => d.dueMs > all[0]!.dueMs)).toBe(true);
  });

  it('is the same publication when only the moment differs, and a new one when a figure does', () => {
    const state = opened();
    const at = (nowMs: number, s = state) =>
      publishedStatus(campaignStatus(plan, s, nowMs), liveClock(0), false, upcomingDeadlines(plan, s, 0));
    expect(samePublication(at(1_000), at(2_000))).toBe(true);
    expect(samePublication(undefined, at(1_000))).toBe(false);
    expect(samePublication(at(1_000), at(1_000, withLateUnits(state)))).toBe(false);
  });
});
