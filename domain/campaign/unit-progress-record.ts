import type { UnitProgress } from '../unit/unit-progress';
import { withTimeline, type CampaignState } from './campaign-state';

/** Keeps the newest report of each unit; a report overtaken by a newer one is ignored. */
export function recordUnitProgress(state: CampaignState, progress: UnitProgress): CampaignState {
  const previous = state.progress[progress.unitId];
  if (previous && previous.version >= progress.version) return state;
  const seen = new Set((previous?.escalations ?? []).map((e) => `${e.key}:${e.step}`));
  let timeline = state.timeline;
  for (const e of progress.escalations) {
    if (seen.has(`${e.key}:${e.step}`)) continue;
    const what = `escalation step ${e.step}${e.label ? ` (${e.label})` : ''}: ${progress.unitId} late with "${e.title}"${e.accountability ? ', accountability recorded' : ''}`;
    timeline = withTimeline(
      { ...state, timeline },
      { atMs: e.atMs, what, phaseId: e.phaseId, unitId: progress.unitId },
    );
  }
  return { ...state, progress: { ...state.progress, [progress.unitId]: progress }, timeline };
}
