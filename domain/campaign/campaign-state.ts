import { insertByTime } from '../clock/time-ordered';
import type { Unit } from '../plan/schema';
import type { PhaseWindow } from '../schedule/phase-window';
import type { UnitProgress } from '../unit/unit-progress';

export interface PhaseReturn {
  units: string[];
  /** The deliverables sent back; absent when the whole phase was returned. */
  deliverables?: string[];
  reason: string;
  newDueMs: number;
  by: string;
  atMs: number;
}

/** The phase's report: which revision is current, and what the units had submitted when it was compiled. */
export interface PhaseReportRecord {
  revision: number;
  issuedAtMs: number;
  basis: { onTime: number; late: number };
}

export interface PhaseRecord {
  id: string;
  name: string;
  gate: 'window-end' | 'approval';
  status: 'pending' | 'open' | 'closed';
  window?: PhaseWindow;
  openedAtMs?: number;
  closedAtMs?: number;
  approvedBy?: string;
  /** What the approving leader said (批示), if anything. */
  approvalComment?: string;
  /** Approvals so far, while a phase that needs a majority waits for more. */
  approvals?: { by: string; atMs: number; comment?: string }[];
  returns: PhaseReturn[];
  /** Absent until the phase closes (and in phases closed before reports had revisions). */
  report?: PhaseReportRecord;
}

/** What the office or a supervision team found at one unit on a duty (督查发现). */
export interface FindingRecord {
  unitId: string;
  text: string;
  by: string;
  atMs: number;
  /** The case the unit's ledger took for it, or why the unit refused it. */
  caseId?: string;
  filingError?: string;
}

/** A duty of the office or a supervision team in a phase (domain/campaign/duties.ts). */
export interface DutyRecord {
  findings: FindingRecord[];
  completedAtMs?: number;
  completedBy?: string;
  /** Reminders and overdue notices sent to the duty's owner (domain/campaign/duty-alerts.ts). */
  alertsSent?: number;
}

export interface TimelineEntry {
  atMs: number;
  /** When it was due to happen, for what happened late (a phase opened after the worker was down). */
  plannedAtMs?: number;
  what: string;
  phaseId?: string;
  unitId?: string;
}

export interface CampaignState {
  /** Plan time the campaign started; a first phase with a relative window starts here. */
  startedAtMs: number;
  status: 'running' | 'completed' | 'cancelled';
  phases: PhaseRecord[];
  /** Numbers every event sent to the units, so a re-sent event is recognised. */
  seq: number;
  paused: boolean;
  addedUnits: Unit[];
  progress: Record<string, UnitProgress>;
  timeline: TimelineEntry[];
  cancelled?: { reason: string; by: string; atMs: number };
  completedAtMs?: number;
  /** Duties of the office and supervision teams, by `phaseId/dutyId`; absent until a finding is recorded. */
  duties?: Record<string, DutyRecord>;
}

const TIMELINE_LIMIT = 500;

export function initialCampaignState(
  phases: { id: string; name: string; gate: 'window-end' | 'approval' }[],
  startedAtMs: number,
): CampaignState {
  return {
    startedAtMs,
    status: 'running',
    phases: phases.map((p) => ({ id: p.id, name: p.name, gate: p.gate, status: 'pending', returns: [] })),
    seq: 0,
    paused: false,
    addedUnits: [],
    progress: {},
    timeline: [],
  };
}

export function withTimeline(state: CampaignState, entry: TimelineEntry): TimelineEntry[] {
  return insertByTime(state.timeline, entry, TIMELINE_LIMIT);
}
