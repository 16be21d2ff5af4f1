import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { WORKFLOWS_PATH } from '../../worker/campaign-worker';
import { bundleWorkflowsOnce } from '../../worker/run-worker';
import { campaignWorkflowId, phaseReportWorkflowId, unitWorkflowId } from '../../contracts';

const DIR = path.join(__dirname, '../fixtures/histories');
const fixtures = fs.readdirSync(DIR).filter((file) => file.endsWith('.pb'));

/**
 * The id each fixture's workflow ran under (scripts/record-histories.ts). Workflows derive ids from
 * their own (a phase report's child id from its campaign's), so replay must use the same one.
 */
const CAMPAIGN = campaignWorkflowId('replay-fixture');
const RECORDED_AS: Record<string, string> = {
  campaign: CAMPAIGN,
  'unit-on-time': unitWorkflowId('replay-fixture', 'town-a'),
  'unit-late-returned': unitWorkflowId('replay-fixture', 'town-b'),
  'phase-report': phaseReportWorkflowId(CAMPAIGN, 'accept'),
};
const workflowIdOf = (file: string) => {
  const name = file.replace(/(@.*)?\.pb$/, '');
  const id = RECORDED_AS[name];
  if (id === undefined) throw new Error(`no recorded workflow id for fixture ${file}`);
  return id;
};

const historyOf = (file: string) => temporal.api.history.v1.History.decode(fs.readFileSync(path.join(DIR, file)));

/**
 * Histories recorded from real runs (scripts/record-histories.ts) must replay on today's workflow
 * code. A change that would make a running campaign nondeterministic fails here, not in production
 * (see "Versioning workflow code" in the README).
 */
describe('replaying recorded histories', () => {
  it('has a history of every workflow to replay', () => {
    const names = new Set(fixtures.map((file) => file.replace(/(@.*)?\.pb$/, '')));
    expect([...names].sort()).toEqual(Object.keys(RECORDED_AS).sort());
  });

  it('replays every recorded campaign and unit history without nondeterminism', async () => {
    const workflowBundle = await bundleWorkflowsOnce(WORKFLOWS_PATH);
    const failures: string[] = [];
    // One at a time: fixtures of different generations share workflow ids.
    for (const file of fixtures) {
      await Worker.runReplayHistory({ workflowBundle }, historyOf(file), workflowIdOf(file)).catch((error: unknown) =>
        failures.push(`${file}: ${String(error)}`),
      );
    }
    expect(failures).toEqual([]);
  });

  it('fails on a history the code would not have made', async () => {
    const workflowBundle = await bundleWorkflowsOnce(WORKFLOWS_PATH);
    // The campaign's first activity renamed: what recorded code that scheduled another would leave.
    const history = historyOf('campaign.pb');
    const scheduled = history.events?.find(
      (e) => e.activityTaskScheduledEventAttributes,
    )?.activityTaskScheduledEventAttributes;
    expect(scheduled?.activityType?.name).toBe('broadcastToUnits');
    scheduled!.activityType = { name: 'someOtherActivity' };
    await expect(Worker.runReplayHistory({ workflowBundle }, history, workflowIdOf('campaign.pb'))).rejects.toThrow(
      /nondetermin/i,
    );
  });
});
