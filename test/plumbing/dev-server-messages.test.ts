import path from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import {
  addItemSignal,
  finishSignal,
  plumbingWorkflow,
  setLimitUpdate,
  stateQuery,
} from '../fixtures/plumbing-workflows';
import { uniqueId, withWorker } from '../helpers/temporal';

const workflowsPath = path.join(__dirname, '../fixtures/plumbing-workflows.ts');

describe('dev server messages', () => {
  it('delivers a signal and answers a query with the state it produced', async () => {
    await withWorker({ workflowsPath }, async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(plumbingWorkflow, { taskQueue, workflowId: uniqueId('signal') });
      await handle.signal(addItemSignal, 'brief');
      await expect.poll(() => handle.query(stateQuery)).toEqual({ items: ['brief'], limit: 10 });
      await handle.signal(finishSignal);
      await expect(handle.result()).resolves.toEqual({ items: ['brief'], limit: 10 });
    });
  });

  it('rejects an invalid update in its validator and keeps the workflow running for a valid one', async () => {
    await withWorker({ workflowsPath }, async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(plumbingWorkflow, { taskQueue, workflowId: uniqueId('update') });

      const rejected = handle.executeUpdate(setLimitUpdate, { args: [0] });
      await expect(rejected).rejects.toThrow(WorkflowUpdateFailedError);
      await expect(rejected).rejects.toHaveProperty('cause.type', 'InvalidLimit');
      // A validator rejection never reaches history, so replay cannot trip over it later.
      const { events } = await handle.fetchHistory();
      expect(events?.some((event) => event.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
      await expect(handle.describe()).resolves.toHaveProperty('status.name', 'RUNNING');

      await expect(handle.executeUpdate(setLimitUpdate, { args: [25] })).resolves.toBe(10);
      await expect(handle.query(stateQuery)).resolves.toEqual({ items: [], limit: 25 });
      await handle.signal(finishSignal);
      await expect(handle.result()).resolves.toEqual({ items: [], limit: 25 });
    });
  });
});
