import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export interface HistorySize {
  events: number;
  bytes: number;
}

export async function historySize(client: Client, workflowId: string): Promise<HistorySize> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return {
    events: history.events?.length ?? 0,
    bytes: temporal.api.history.v1.History.encode(history).finish().length,
  };
}

/** The mean over a sample of workflows: reading a thousand histories would itself be a load. */
export async function meanHistory(client: Client, workflowIds: string[]): Promise<HistorySize> {
  const sizes = await Promise.all(workflowIds.map((id) => historySize(client, id)));
  const sum = sizes.reduce((a, s) => ({ events: a.events + s.events, bytes: a.bytes + s.bytes }), {
    events: 0,
    bytes: 0,
  });
  return { events: sum.events / Math.max(1, sizes.length), bytes: sum.bytes / Math.max(1, sizes.length) };
}
