import type { DraftPhase, PlanDraft } from './draft-model';

/**
 * Which phase a recurring report belongs to: the phase whose text holds it, else the longest
 * phase (where the work is: 化解整治, 全面实施), else the first. The draft says so beside it.
 */
function lengthOf(phase: DraftPhase): number {
  const key = (date: DraftPhase['start']) =>
    date.kind === 'date'
      ? Date.parse(date.iso)
      : date.kind === 'no-year'
        ? Date.parse(`2001${date.monthDay.slice(1)}`)
        : NaN;
  const days = (key(phase.end) - key(phase.start)) / 86_400_000;
  return Number.isFinite(days) ? days : -1;
}

export function recurringPlacement(draft: PlanDraft): number[] {
  const phases = draft.phases;
  if (phases.length === 0) return draft.recurring.map(() => -1);
  let longest = 0;
  phases.forEach((phase, i) => {
    if (lengthOf(phase) > lengthOf(phases[longest] as DraftPhase)) longest = i;
  });
  return draft.recurring.map((r) => {
    const within = phases.findIndex((phase) => r.source.line >= phase.source.line && r.source.line <= phase.lastLine);
    return within >= 0 ? within : longest;
  });
}
