import type { Plan } from '../plan/schema';
import { obligationsForPhase } from '../schedule/obligations';
import { emptyCounts, type LedgerCounts, type PhaseCounts } from '../unit/unit-progress';
import type { EscalationEntry } from '../unit/unit-state';
import type { CampaignState, PhaseRecord } from './campaign-state';
import { campaignWindowEndMs } from './campaign-window';
import { dutyViews, type DutyView } from './duty-view';
import type { UnreconciledCase } from './leader-actions';
import { roster } from './roster';

export interface OverdueRow {
  unitId: string;
  unitName: string;
  key: string;
  title: string;
  phaseId: string;
  dueMs: number;
  lateByMs: number;
  step: number;
}

export interface UnitSummaryRow {
  unitId: string;
  unitName: string;
  counts: PhaseCounts;
  overdue: number;
  marks: number;
  reported: boolean;
}

export interface CampaignStatus {
  campaignId: string;
  title: string;
  status: CampaignState['status'];
  paused: boolean;
  nowMs: number;
  timeZone: string;
  currentPhase?: PhaseRecord & { awaitingApproval: boolean };
  phases: (PhaseRecord & { counts: PhaseCounts })[];
  nextDeadline?: { title: string; phaseId: string; dueMs: number; inMs: number };
  units: UnitSummaryRow[];
  totals: PhaseCounts;
  overdue: OverdueRow[];
  accountabilityMarks: number;
  /** Case counts over every unit's ledger, as last reported by the units. */
  ledger: LedgerTotals;
  cancelled?: CampaignState['cancelled'];
  /** The end of the plan's own window (活动时间), when it has one: the campaign runs until then. */
  windowEndMs?: number;
  /** The office's and supervision teams' duties (督查, 暗查) with their findings. */
  duties: DutyView[];
}

export interface LedgerTotals {
  filed: number;
  open: number;
  closed: number;
  overdue: number;
  unreconciled: number;
  /** 办结率 = closed / filed, 0..1; null with nothing filed (see domain/cases/ledger-stats.ts). */
  closureRate: number | null;
  /** Keyed by the plan's case category id. */
  byCategory: Record<string, LedgerCounts>;
}

function ledgerTotals(state: CampaignState): LedgerTotals {
  const totals = { filed: 0, open: 0, closed: 0, overdue: 0, unreconciled: 0 };
  const byCategory: Record<string, LedgerCounts> = {};
  for (const progress of Object.values(state.progress)) {
    const l = progress.ledger;
    if (!l) continue;
    totals.filed += l.filed;
    totals.open += l.open;
    totals.closed += l.closed;
    totals.overdue += l.overdue;
    totals.unreconciled += l.unreconciledCount;
    // Reports from units started before categories were counted have none.
    for (const [category, c] of Object.entries(l.byCategory ?? {})) {
      const sum = (byCategory[category] ??= { filed: 0, open: 0, closed: 0, overdue: 0 });
      sum.filed += c.filed;
      sum.open += c.open;
      sum.closed += c.closed;
      sum.overdue += c.overdue;
    }
  }
  return { ...totals, closureRate: totals.filed === 0 ? null : totals.closed / totals.filed, byCategory };
}

/** The cases every unit reported as neither closed nor given next steps, for the final tick-off. */
export function unreconciledCases(state: CampaignState): { cases: UnreconciledCase[]; total: number } {
  const cases = Object.values(state.progress).flatMap((p) =>
    (p.ledger?.unreconciled ?? []).map((c) => ({ caseId: c.caseId, unitId: p.unitId, title: c.title })),
  );
  return { cases, total: ledgerTotals(state).unreconciled };
}

function add(a: PhaseCounts, b: PhaseCounts): PhaseCounts {
  return {
    owed: a.owed + b.owed,
    onTime: a.onTime + b.onTime,
    late: a.late + b.late,
    open: a.open + b.open,
    overdue: a.overdue + b.overdue,
    missing: a.missing + b.missing,
  };
}

/** Once a campaign has ended, whatever is still open will never come: it is missing. */
function settled(counts: PhaseCounts, ended: boolean): PhaseCounts {
  return ended ? { ...counts, missing: counts.missing + counts.open, open: 0, overdue: 0 } : counts;
}

export function campaignStatus(plan: Plan, state: CampaignState, nowMs: number): CampaignStatus {
  const units = roster(plan, state);
  const ended = state.status !== 'running';
  const names = new Map(units.map((u) => [u.id, u.name]));
  const phaseCounts = new Map<string, PhaseCounts>();
  const unitRows: UnitSummaryRow[] = units.map((unit) => {
    const progress = state.progress[unit.id];
    let counts = emptyCounts();
    for (const [phaseId, reported] of Object.entries(progress?.phases ?? {})) {
      const c = settled(reported, ended);
      counts = add(counts, c);
      phaseCounts.set(phaseId, add(phaseCounts.get(phaseId) ?? emptyCounts(), c));
    }
    return {
      unitId: unit.id,
      unitName: unit.name,
      counts,
      overdue: progress?.overdue.length ?? 0,
      marks: progress?.marks ?? 0,
      reported: !!progress,
    };
  });
  const overdue: OverdueRow[] = (ended ? [] : units)
    .flatMap((unit) =>
      (state.progress[unit.id]?.overdue ?? []).map((o) => ({
        unitId: unit.id,
        unitName: names.get(unit.id) ?? unit.id,
        key: o.key,
        title: o.title,
        phaseId: o.phaseId,
        dueMs: o.dueMs,
        lateByMs: Math.max(0, nowMs - o.dueMs),
        step: o.step,
      })),
    )
    .sort((a, b) => b.lateByMs - a.lateByMs);
  const openPhases = state.phases.filter((p) => p.status === 'open');
  const current = openPhases[openPhases.length - 1];
  const next = upcomingDeadlines(plan, state, nowMs)[0];
  const nextDeadline: CampaignStatus['nextDeadline'] = next && { ...next, inMs: next.dueMs - nowMs };
  return {
    campaignId: plan.campaign.id,
    title: plan.campaign.title,
    status: state.status,
    paused: state.paused,
    nowMs,
    timeZone: plan.campaign.timeZone,
    currentPhase: current ? { ...current, awaitingApproval: current.gate === 'approval' } : undefined,
    phases: state.phases.map((p) => ({ ...p, counts: phaseCounts.get(p.id) ?? emptyCounts() })),
    nextDeadline,
    units: unitRows,
    totals: unitRows.reduce((sum, row) => add(sum, row.counts), emptyCounts()),
    overdue,
    accountabilityMarks: unitRows.reduce((sum, row) => sum + row.marks, 0),
    ledger: ledgerTotals(state),
    cancelled: state.cancelled,
    windowEndMs: campaignWindowEndMs(plan),
    duties: dutyViews(plan, state, nowMs),
  };
}

/** The deadlines of the open phases still ahead of `nowMs`, soonest first. */
export function upcomingDeadlines(
  plan: Plan,
  state: CampaignState,
  nowMs: number,
): { title: string; phaseId: string; dueMs: number }[] {
  return state.phases
    .filter((record) => record.status === 'open')
    .flatMap((record) => {
      const phase = plan.phases.find((p) => p.id === record.id);
      return phase && record.window ? obligationsForPhase(plan, phase, record.window) : [];
    })
    .filter((o) => o.dueMs > nowMs)
    .sort((a, b) => a.dueMs - b.dueMs)
    .map((o) => ({ title: o.title, phaseId: o.phaseId, dueMs: o.dueMs }));
}

export function escalationLog(state: CampaignState): (EscalationEntry & { unitId: string })[] {
  return Object.values(state.progress)
    .flatMap((p) => p.escalations.map((e) => ({ ...e, unitId: p.unitId })))
    .sort((a, b) => a.atMs - b.atMs);
}
