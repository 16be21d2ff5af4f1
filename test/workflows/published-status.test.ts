import { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { benchReport } from '../../bench/bench-plan';
import { submitReportUpdate, campaignWorkflowId } from '../../contracts';
import { campaign as cli, cliEnv } from '../cli/support/cli';
import { testClient, uniqueId } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { startOneUnitCampaign } from '../support/one-unit-campaign';
import type { Client } from '@temporalio/client';
import { readPublishedStatus } from '../../client/status/read-published-status';

const { EventType } = temporal.api.enums.v1;

/** What `campaign glance` reads, undefined until the campaign has published. */
const published = (client: Client, id: string) => readPublishedStatus(client, id).catch(() => undefined);

describe('the status a campaign publishes on itself', () => {
  it('follows the campaign within seconds, and is read with no worker running', async () => {
    const { id, campaign } = await withCampaignWorker(async ({ client, taskQueue }) => {
      const started = await startOneUnitCampaign(client, taskQueue, 'published');
      const opened = await eventually(
        () => published(client, started.id),
        (p) => p?.currentPhase?.id === 'phase-1' && p.totals.owed === 2,
        { what: 'the first phase published' },
      );
      expect(opened?.totals.onTime).toBe(0);

      await started.unit.executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: 'p1-summary', report: benchReport('p1-summary'), by: 'unit:unit-00001' }],
      });
      await eventually(
        () => published(client, started.id),
        (p) => p?.totals.onTime === 1,
        { what: 'the report published', timeoutMs: 10_000 },
      );
      // One event per publication, and only when something changed: a handful here, not one per task.
      const events = (await started.campaign.fetchHistory()).events ?? [];
      const publications = events.filter(
        (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED,
      ).length;
      const tasks = events.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED).length;
      expect(publications).toBeGreaterThanOrEqual(2);
      expect(publications).toBeLessThan(tasks);
      return started;
    });

    // The worker is gone: a query would wait for one; the published status is the server's to give.
    const env = cliEnv();
    const json = await cli(env, ['glance', id, '--json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const view = JSON.parse(json.stdout) as { totals: { onTime: number; open: number }; ageMs: number };
    expect(view.totals).toMatchObject({ onTime: 1, open: 1 });
    expect(view.ageMs).toBeGreaterThanOrEqual(0);
    const human = await cli(env, ['glance', id]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('2 owed by 1 unit: 1 on time');
    expect(human.stdout).toContain('第1阶段 (phase-1)');
    await campaign.terminate('test over');
  });

  it('tells a campaign that has published nothing from one that does not exist', async () => {
    const env = cliEnv();
    const missing = await cli(env, ['glance', 'no-such-campaign-anywhere', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { type: 'not_found' } });

    // A campaign workflow that never ran a task: no worker polls its queue.
    const client = await testClient();
    const id = uniqueId('unpublished');
    const silent = await client.workflow.start('campaignWorkflow', {
      workflowId: campaignWorkflowId(id),
      taskQueue: uniqueId('nobody-polls'),
      args: [],
    });
    // Visibility lists a new workflow a moment after it starts.
    const unpublished = await eventually(
      () => cli(env, ['glance', id]),
      (result) => !result.stderr.includes('no campaign'),
      { what: 'visibility to list the workflow' },
    );
    expect(unpublished.code).toBe(1);
    expect(unpublished.stderr).toContain(`campaign "${id}" has not published its status yet`);
    expect(unpublished.stderr).toContain(`campaign status ${id}`);
    await silent.terminate('test over');
  });
});
