import { describe, expect, it } from 'vitest';
import { startCampaign } from '../../client/start-campaign';
import { asOfNow, approvePhaseUpdate, campaignStatusQuery, unitTaskQueueOf, unitWorkflowId } from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { largePlan } from '../support/plans';
import { replayCurrentRun } from '../support/replay-check';
import { submitPhase } from '../support/unit-driver';

const UNITS = 200;
const DAY_MS = 86_400_000;
const SCALE = DAY_MS / 8_000;

/**
 * Checks what a 200-unit campaign does, not how fast this machine is: every report must be taken
 * and counted, on time or late (bench/ measures speed). Two cores shared with the dev server can
 * fall behind a rehearsal clock, so lateness is not asserted here.
 */
describe('a 200-unit campaign', () => {
  it('runs through every phase with every report taken and small histories', async () => {
    // The layout `campaign worker` runs. With the campaign and 200 units on one Worker, on two busy
    // cores, the campaign's fan-out activity once waited over three minutes for a slot
    // (unit-driver.ts's diagnosis: `broadcastToUnits attempt 1 state 1`, scheduled, never started).
    await withCampaignWorker(
      async ({ client, taskQueue }) => {
        const plan = largePlan(uniqueId('large'), UNITS);
        const handle = await startCampaign(client, plan, {
          taskQueue,
          startedBy: 'office',
          rehearsalScale: SCALE,
          rehearsalLeadInMs: DAY_MS,
          // As `campaign start` does: the units on a queue of their own, served by a second Worker.
          unitTaskQueue: unitTaskQueueOf(taskQueue),
        });
        // A campaign that stops answering is asked why: a history today's code cannot replay says so.
        const explained = <T>(step: Promise<T>) =>
          step.catch(async (error: unknown) => {
            const replay = await replayCurrentRun(client, handle.workflowId).catch(String);
            throw replay === undefined ? error : new Error(`${String(error)}\n${replay}`);
          });
        for (const phase of plan.phases) {
          await explained(
            eventually(
              () => handle.query(campaignStatusQuery, asOfNow()),
              (s) => s.phases.find((p) => p.id === phase.id)?.status !== 'pending',
              { what: `${phase.id} to open`, timeoutMs: 120_000, intervalMs: 250 },
            ),
          );
          const receipts = await explained(submitPhase(client, plan, phase.id));
          expect(receipts).toHaveLength(UNITS * phase.deliverables.length);
        }
        // A leader approves once the dashboard shows every report in: a unit's count reaches the
        // campaign by a signal sent after its receipt, and the summary is made when the campaign ends.
        await explained(
          eventually(
            () => handle.query(campaignStatusQuery, asOfNow()),
            (s) => s.totals.onTime + s.totals.late === UNITS * 4 * 2,
            { what: 'every report counted by the campaign', timeoutMs: 120_000, intervalMs: 500 },
          ),
        );
        await explained(
          handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'phase-4', by: 'leader:head' }] }),
        );
        const summary = await handle.result();
        expect(summary.status).toBe('completed');
        // Its whole last run replays on this code, as a worker that lost its cache would replay it.
        expect(await replayCurrentRun(client, handle.workflowId)).toBeUndefined();
        expect(summary.totals.owed).toBe(UNITS * 4 * 2);
        expect(summary.totals.onTime + summary.totals.late).toBe(UNITS * 4 * 2);

        const campaignEvents = (await handle.fetchHistory()).events?.length ?? 0;
        const unit = client.workflow.getHandle(unitWorkflowId(plan.campaign.id, 'unit-0001'));
        const unitEvents = (await unit.fetchHistory()).events?.length ?? 0;
        // Far below Temporal's 50K-event limit: the shape, not continue-as-new, keeps them small here.
        expect(campaignEvents).toBeLessThan(10_000);
        expect(unitEvents).toBeLessThan(500);
        console.info(
          `history events: campaign ${campaignEvents} (${UNITS} units), one unit ${unitEvents}; on time ${summary.totals.onTime}`,
        );
      },
      undefined,
      undefined,
      { unitQueue: true },
    );
    // Two minutes alone on a quiet machine; five or more beside a CPU-bound process and the other
    // test lane. The time it takes is the benchmark's business, not this test's.
  }, 1_200_000);
});
