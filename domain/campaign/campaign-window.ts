import { addDays, localToInstant } from '../calendar/local-time';
import type { Plan } from '../plan/schema';

/**
 * A plan's own dates (活动时间, "4月1日至4月30日"), both days inclusive, so the window ends at
 * midnight after its last day. A campaign whose phases are all closed before then keeps running
 * until it ends: a summary may be due after the last phase, and a late report still counts. It
 * never holds a phase open: a phase waiting for approval past the window still waits.
 */
export function campaignWindowEndMs(plan: Plan): number | undefined {
  const window = plan.campaign.window;
  if (!window) return undefined;
  return localToInstant(addDays(window.end, 1), '00:00', plan.campaign.timeZone);
}
