import { condition, isCancellation, log, sleep, upsertMemo } from '@temporalio/workflow';
import { PUBLISHED_STATUS_MEMO, samePublication, type PublishedStatus } from '../domain/campaign/published-status';

/** At most one publication a second: each is an event in the campaign's history. */
const PUBLISH_INTERVAL_MS = 1_000;

export interface StatusPublisher {
  /** Publishes now if the state changed since the last publication (the campaign's last task). */
  flush(): void;
}

/**
 * Publishes the campaign's status on the campaign workflow itself (a memo, which the server serves
 * from its own records) whenever the state changes, at most once a second. A status query waits for
 * a worker and behind the campaign's tasks; the published status does not (`campaign glance`).
 * `stateOf` must return a new object whenever the state changes, as the domain's rules do.
 */
export function startStatusPublisher(stateOf: () => unknown, build: () => PublishedStatus): StatusPublisher {
  let published: PublishedStatus | undefined;
  let seen: unknown;
  let lastAtMs = -Infinity;
  const publish = () => {
    seen = stateOf();
    const next = build();
    if (samePublication(published, next)) return;
    upsertMemo({ [PUBLISHED_STATUS_MEMO]: next });
    published = next;
    lastAtMs = Date.now();
  };
  void (async () => {
    for (;;) {
      await condition(() => stateOf() !== seen);
      const waitMs = lastAtMs + PUBLISH_INTERVAL_MS - Date.now();
      if (waitMs > 0) await sleep(waitMs);
      publish();
    }
  })().catch((error: unknown) => {
    // A cancelled workflow stops publishing with it; anything else is a bug, logged, not a stuck task.
    if (!isCancellation(error)) log.error('status publisher stopped', { error: String(error) });
  });
  return {
    flush: () => {
      if (stateOf() !== seen) publish();
    },
  };
}
