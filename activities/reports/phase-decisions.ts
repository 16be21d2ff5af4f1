import { isoInstant } from '../../domain/clock/time-units';
import type { PhaseRecord } from '../../domain/campaign/campaign-state';
import type { PhaseDecision } from './report-input';

export interface DecisionNames {
  /** "leader:leader-zhang" → 张县长, "office" → 县信访局; unknown actors keep their id. */
  actor: (actor: string) => string;
  unit: (unitId: string) => string;
  deliverable: (deliverableId: string) => string;
}

/** Every approval and return of the campaign's phases, oldest first, in names a reader knows. */
export function phaseDecisions(phases: readonly PhaseRecord[], names: DecisionNames): PhaseDecision[] {
  const decisions: (PhaseDecision & { atMs: number })[] = [];
  for (const phase of phases) {
    for (const r of phase.returns) {
      decisions.push({
        phaseName: phase.name,
        kind: 'returned',
        by: names.actor(r.by),
        atMs: r.atMs,
        at: isoInstant(r.atMs),
        text: r.reason,
        units: r.units.map(names.unit),
        deliverables: (r.deliverables ?? []).map(names.deliverable),
        newDueAt: isoInstant(r.newDueMs),
      });
    }
    if (phase.approvedBy !== undefined) {
      const atMs = phase.closedAtMs ?? 0;
      decisions.push({
        phaseName: phase.name,
        kind: 'approved',
        by: names.actor(phase.approvedBy),
        atMs,
        ...(phase.closedAtMs === undefined ? {} : { at: isoInstant(phase.closedAtMs) }),
        ...(phase.approvalComment === undefined ? {} : { text: phase.approvalComment }),
        units: [],
        deliverables: [],
      });
    }
  }
  return decisions.sort((a, b) => a.atMs - b.atMs).map(({ atMs: _atMs, ...decision }) => decision);
}
