import type { Audience } from '../plan/schema';
import type { NotificationBody } from '../notifications/notification';

/**
 * What the unit rules ask the workflow to do. `eventKey` is unique for the event within the unit,
 * so the notification id built from it is stable across retries and replays.
 */
export type UnitCommand = {
  type: 'notify';
  eventKey: string;
  atMs: number;
  audience: Audience[];
  body: NotificationBody;
};

export interface UnitOutcome<S> {
  state: S;
  commands: UnitCommand[];
}
