import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedModulesWorkflow } from '../fixtures/shared-modules-workflows';
import { uniqueId, withWorker } from '../helpers/temporal';

const workflowsPath = path.join(__dirname, '../fixtures/shared-modules-workflows.ts');

describe('modules shared by every workflow of a worker thread', () => {
  it('loads the schema modules once, frozen, and their schemas still parse in every workflow', async () => {
    await withWorker({ workflowsPath }, async ({ client, taskQueue }) => {
      const run = (actor: string) =>
        client.workflow.execute(sharedModulesWorkflow, { taskQueue, workflowId: uniqueId('shared'), args: [actor] });
      // Two workflows in turn: the second meets schemas the first has already built up.
      for (const actor of ['leader', ' ']) {
        await expect(run(actor)).resolves.toEqual({
          planSchemaShared: true,
          messagesShared: true,
          schemaExtensible: true,
          parses: [true, false, actor.trim() !== ''],
          emails: [true, false],
        });
      }
    });
  });
});
