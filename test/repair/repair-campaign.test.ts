import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCliError } from '../../client/errors';
import { findWedged, resetWedged } from '../../client/repair/repair-campaign';
import { campaignWorkflowId } from '../../contracts';
import { finishSignal, goSignal } from '../fixtures/drift/recorded';
import { testClient, uniqueId, withWorker } from '../helpers/temporal';
import { eventually } from '../support/eventually';

const recorded = path.join(__dirname, '../fixtures/drift/recorded.ts');
const current = path.join(__dirname, '../fixtures/drift/current.ts');

/**
 * A workflow of a campaign whose history its code cannot replay: recorded by code that slept after
 * `go`, then run by code that does not. Its tasks fail on every retry until it is reset.
 */
describe('repairing a campaign', () => {
  it('finds a workflow stuck on a nondeterminism error, resets it, and it runs on with every signal', async () => {
    const client = await testClient();
    const campaignId = uniqueId('repair');
    const workflowId = `${campaignWorkflowId(campaignId)}:unit:town-a`;
    const taskQueue = uniqueId('repair');
    const handle = await client.workflow.start('driftWorkflow', { taskQueue, workflowId });

    await withWorker({ workflowsPath: recorded, taskQueue }, async () => {
      await handle.signal(goSignal);
      await eventually(
        async () => (await handle.fetchHistory()).events ?? [],
        (events) => events.some((e) => e.timerFiredEventAttributes),
        { what: 'the recorded code to sleep after go' },
      );
    });

    await withWorker({ workflowsPath: current, taskQueue }, async () => {
      // A new worker replays from the start and meets the timer today's code does not start.
      await handle.signal(finishSignal);
      await eventually(
        async () => (await handle.describe()).raw.pendingWorkflowTask?.attempt ?? 1,
        (attempt) => attempt >= 2,
        { what: 'the workflow task to fail on replay', timeoutMs: 30_000 },
      );
      // Meanwhile a query is not answered; the CLI says so, and points to the repair, not to the server.
      const refused = await client.connection
        .withDeadline(Date.now() + 5_000, () => handle.query('anything'))
        .then(
          () => undefined,
          (error: unknown) => toCliError(error, { campaignId }),
        );
      expect(refused?.type).toBe('no_answer');
      expect(refused?.hint).toContain(`campaign repair ${campaignId}`);

      const wedged = await findWedged(client, campaignId);
      expect(wedged).toHaveLength(1);
      const [stuck] = wedged;
      expect(stuck?.workflowId).toBe(workflowId);
      expect(stuck?.wedge.message).toContain('Nondeterminism');
      const timer = (await handle.fetchHistory()).events?.find((e) => e.timerStartedEventAttributes);
      expect(stuck?.wedge.namedEventId).toBe(Number(timer?.eventId));

      const [reset] = await resetWedged(client, wedged, 'test');
      expect(reset?.resetRunId).toBeDefined();
      // The new run gets both signals again and finishes under today's code.
      await expect(client.workflow.getHandle(workflowId).result()).resolves.toBe('finished');
      expect(await findWedged(client, campaignId)).toEqual([]);
    });
  });
});
