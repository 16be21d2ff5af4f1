import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { WORKFLOWS_PATH } from '../../worker/campaign-worker';
import { bundleWorkflowsOnce } from '../../worker/run-worker';

const DIR = path.join(__dirname, '../fixtures/histories');
const fixtures = fs.readdirSync(DIR).filter((file) => file.endsWith('.pb'));

/**
 * Histories recorded from real runs (scripts/record-histories.ts) must replay on today's workflow
 * code. A change that would make a running campaign nondeterministic fails here, not in production.
 */
describe('replaying recorded histories', () => {
  it('has histories to replay', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  it('replays every recorded campaign and unit history without nondeterminism', async () => {
    const workflowBundle = await bundleWorkflowsOnce(WORKFLOWS_PATH);
    const histories = fixtures.map((file) => ({
      workflowId: file.replace('.pb', ''),
      history: temporal.api.history.v1.History.decode(fs.readFileSync(path.join(DIR, file))),
    }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failures).toEqual([]);
  });
});
