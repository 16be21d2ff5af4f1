import type { WorkflowHandle } from '@temporalio/client';
import { approvePhaseUpdate, asOfNow, campaignStatusQuery, type CampaignWorkflow } from '../contracts';
import { sleep } from './load';

type CampaignHandle = WorkflowHandle<CampaignWorkflow>;

/**
 * The campaign's status, asked again while it cannot answer: a query fails when the campaign's
 * workflow task outlasts the query timeout (a 1,000-unit campaign has tasks of 30 s under load).
 * Those failures are counted; the run goes on as a leader's dashboard would.
 */
async function status(handle: CampaignHandle, failures: { count: number }) {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      return await handle.query(campaignStatusQuery, asOfNow());
    } catch (error) {
      failures.count += 1;
      if (Date.now() > deadline) throw error;
      await sleep(1000);
    }
  }
}

/** Whether the campaign is still telling its units something (the fan-out activity is running). */
async function broadcasting(handle: CampaignHandle): Promise<boolean> {
  const { raw } = await handle.describe();
  return (raw.pendingActivities ?? []).some((a) => a.activityType?.name === 'broadcastToUnits');
}

/**
 * Waits until `phaseId` is open and its opening has reached every unit, so the load generator
 * measures how fast units are served, not how long it takes to tell a thousand units a phase began
 * (that shows in the phase's wait time instead).
 */
export async function phaseDelivered(
  handle: CampaignHandle,
  phaseId: string,
  failures: { count: number },
): Promise<void> {
  for (;;) {
    const open = (await status(handle, failures)).phases.find((p) => p.id === phaseId)?.status === 'open';
    if (open && !(await broadcasting(handle))) return;
    await sleep(100);
  }
}

/** The units report reconciled cases up by signal; the final approval is refused until the last has arrived. */
export async function ledgerReconciled(handle: CampaignHandle, failures: { count: number }): Promise<void> {
  for (;;) {
    if ((await status(handle, failures)).ledger.unreconciled === 0) return;
    await sleep(200);
  }
}

export async function approvePhase(handle: CampaignHandle, phaseId: string): Promise<void> {
  await handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId, by: 'leader:head' }] });
}
