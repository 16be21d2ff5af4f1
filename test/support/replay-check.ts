import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { campaignDataConverter } from '../../codec/data-converter';
import { WORKFLOWS_PATH } from '../../worker/campaign-worker';
import { bundleWorkflowsOnce } from '../../worker/run-worker';

/**
 * Replays a workflow's current run, as a new worker process would after a crash, on today's code.
 * A reliability run ends with it (a long, real history is the best determinism test there is),
 * and a run that got stuck asks it why: a nondeterminism shows its first diverging command here,
 * and the history is kept under test-artifacts/histories/ (as the replay fixtures are kept) to replay again by hand.
 */
export async function replayCurrentRun(client: Client, workflowId: string): Promise<string | undefined> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const workflowBundle = await bundleWorkflowsOnce(WORKFLOWS_PATH);
  try {
    // The workers' own converter: the history's payloads are encrypted with the campaign's key.
    await Worker.runReplayHistory({ workflowBundle, dataConverter: campaignDataConverter() }, history, workflowId);
    return undefined;
  } catch (error) {
    const dir = path.resolve('test-artifacts', 'histories');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${workflowId.replace(/[^\w.-]+/g, '_')}.pb`);
    fs.writeFileSync(file, temporal.api.history.v1.History.encode(history).finish());
    return `${workflowId} does not replay (history kept in ${file}): ${String(error)}`;
  }
}
