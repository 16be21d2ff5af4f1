import type { PublishedStatus } from '../../domain/campaign/published-status';
import type { OverdueRow } from '../../domain/campaign/campaign-status';
import type { Grid } from '../../domain/console/grid-colour';
import type { TimelinePhase } from '../../domain/console/timeline-geometry';
import type { ObligationRow } from '../../domain/unit/unit-progress';
import type { Case } from '../../domain/cases/case-schema';

/** What the campaign published of itself, with when (in real time) that was and plan time now. */
export interface GlanceModel extends PublishedStatus {
  nowMs: number;
  ageMs: number;
}

export interface UnitCases {
  unitId: string;
  unitName: string;
  filed: number;
  open: number;
  closed: number;
  closureRate: number | null;
}

/** The leaders' page: the glance always; the rest when the workers answer in time. */
export interface LeaderPageModel {
  campaignId: string;
  glance?: GlanceModel;
  /** Why the glance is missing ("not published yet"), in words. */
  glanceProblem?: string;
  phases?: TimelinePhase[];
  grid?: Grid;
  overdue?: OverdueRow[];
  cases?: UnitCases[];
  /** Phases the leader may decide on now (open, with an approval gate). */
  decidable: { id: string; name: string }[];
  units: { id: string; name: string }[];
}

export interface UnitPageModel {
  campaignId: string;
  unitId: string;
  unitName: string;
  timeZone: string;
  nowMs: number;
  rows: ObligationRow[];
  cases: Case[];
  /** The unit's own log (what it sent, what it was told), newest first. */
  log: { atMs: number; what: string }[];
  /** True when the viewer is this unit (only it may submit). */
  mayAct: boolean;
}
