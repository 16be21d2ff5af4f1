import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { addItemSignal, finishSignal, plumbingWorkflow, stateQuery } from '../fixtures/plumbing-workflows';
import { restartableDevServer, uniqueId, withWorker } from '../helpers/temporal';

const workflowsPath = path.join(__dirname, '../fixtures/plumbing-workflows.ts');

describe('dev server restart', () => {
  it('keeps a waiting workflow when the server process restarts on the same SQLite file', async () => {
    const server = await restartableDevServer();
    onTestFinished(() => server.dispose());

    await withWorker({ workflowsPath, address: server.address }, async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(plumbingWorkflow, { taskQueue, workflowId: uniqueId('restart') });
      await handle.signal(addItemSignal, 'before restart');
      await expect.poll(() => handle.query(stateQuery)).toEqual({ items: ['before restart'], limit: 10 });

      await server.restart();

      await handle.signal(addItemSignal, 'after restart');
      await handle.signal(finishSignal);
      await expect(handle.result()).resolves.toEqual({ items: ['before restart', 'after restart'], limit: 10 });
    });
  });
});
