import path from 'node:path';
import { Client, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { campaignDataConverter } from '../../codec/data-converter';
import { toCliError } from '../../client/errors';
import { UNPROCESSED_UPDATE } from '../../temporal-client/unprocessed-update-retry';
import { finishSignal, plumbingWorkflow, setLimitUpdate, stateQuery } from '../fixtures/plumbing-workflows';
import { testClient, uniqueId, withWorker } from '../helpers/temporal';

const workflowsPath = path.join(__dirname, '../fixtures/plumbing-workflows.ts');

/**
 * A worker that completes workflow tasks without answering the updates they carry, as an SDK that
 * predates updates would: the server then rejects each such update as unprocessed. Driving the
 * server's own task API is the one way to make it say so on demand.
 */
function updateDeafWorker(client: Client, taskQueue: string) {
  const { workflowService: service } = client;
  const { namespace } = client.options;
  return {
    /** Takes the next workflow task and completes it with no commands and no messages; returns its message count. */
    async ignoreNextTask(): Promise<number> {
      for (;;) {
        // A long poll needs a deadline; the server answers an empty task when it passes.
        const task = await client.connection.withDeadline(Date.now() + 30_000, () =>
          service.pollWorkflowTaskQueue({ namespace, taskQueue: { name: taskQueue }, identity: 'deaf' }),
        );
        if (!task.taskToken?.length) continue;
        await service.respondWorkflowTaskCompleted({ namespace, taskToken: task.taskToken, identity: 'deaf' });
        return task.messages?.length ?? 0;
      }
    },
  };
}

async function startIdle(client: Client, taskQueue: string): Promise<WorkflowHandle<typeof plumbingWorkflow>> {
  const handle = await client.workflow.start(plumbingWorkflow, { taskQueue, workflowId: uniqueId('unprocessed') });
  // The workflow's first task would only register handlers and wait: no commands, so a real
  // worker replays this empty completion without a mismatch.
  await updateDeafWorker(client, taskQueue).ignoreNextTask();
  return handle;
}

describe('an update the server left unprocessed', () => {
  it('reaches a bare client as the server-internal UnprocessedUpdate failure, which the CLI words for users', async () => {
    const base = await testClient();
    const bare = new Client({ connection: base.connection, dataConverter: campaignDataConverter() });
    const taskQueue = uniqueId('deaf');
    const handle = await startIdle(bare, taskQueue);

    // Caught from the start: the refusal may come back while the deaf worker is still completing.
    const refused = bare.workflow
      .getHandle(handle.workflowId)
      .executeUpdate(setLimitUpdate, { args: [25] })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(await updateDeafWorker(bare, taskQueue).ignoreNextTask()).toBe(1);
    const failure = await refused;
    expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(failure).toHaveProperty('cause.type', UNPROCESSED_UPDATE);
    // Should it outlast every resend, the CLI says what it means for the user, not what the server guesses.
    const cli = toCliError(failure);
    expect(cli.type).toBe('unprocessed');
    expect(cli.message).toBe('no worker answered the request, even when it was sent again; nothing was recorded');
    expect(cli.hint).toContain('campaign worker');
    await handle.terminate('test over');
  });

  it('is sent again by the campaign client and applied once a worker answers', async () => {
    const client = await testClient();
    const taskQueue = uniqueId('deaf');
    const handle = await startIdle(client, taskQueue);

    const update = handle.executeUpdate(setLimitUpdate, { args: [25] });
    expect(await updateDeafWorker(client, taskQueue).ignoreNextTask()).toBe(1);
    // The resend waits on the server until a worker that answers updates polls the queue.
    await withWorker({ workflowsPath, taskQueue }, async () => {
      await expect(update).resolves.toBe(10);
      await expect(handle.query(stateQuery)).resolves.toEqual({ items: [], limit: 25 });
      await handle.signal(finishSignal);
      await expect(handle.result()).resolves.toEqual({ items: [], limit: 25 });
    });
  });
});
