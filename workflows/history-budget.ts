import { workflowInfo } from '@temporalio/workflow';

/**
 * The campaign continues as new well before the server would suggest it (4,096 events or 4 MB by
 * default). Its history is mostly units' progress signals, and a worker that loses the campaign
 * from its cache replays the whole run: at 1,000 units a 6.7 MB run took 10–16 s to replay under
 * load, past the 10 s workflow task timeout, so each retry timed out again and a leader's approval
 * failed (bench/). 2,000 events is about 2 MB of such a history.
 */
const CAMPAIGN_HISTORY_EVENTS = 2_000;

export function campaignHistoryFull(): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= CAMPAIGN_HISTORY_EVENTS;
}
