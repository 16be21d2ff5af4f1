import { condition } from '@temporalio/workflow';

/**
 * Runs `effect` once after a burst of calls instead of once per call. A workflow task can carry
 * hundreds of signals (units reporting while the campaign's task waited, or a history replayed
 * after the worker's cache let it go); the SDK applies them in one pass and only then lets waiting
 * code resume, so `effect` runs once for the whole pass. The campaign uses it for its search
 * attributes: one upsert, one history event, per task rather than one per unit's report.
 */
export function coalesced(effect: () => void): () => void {
  let pending = false;
  void (async () => {
    for (;;) {
      await condition(() => pending);
      pending = false;
      effect();
    }
  })();
  return () => {
    pending = true;
  };
}
