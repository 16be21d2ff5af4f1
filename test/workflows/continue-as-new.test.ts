import fs from 'node:fs';
import path from 'node:path';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startCampaign } from '../../client/start-campaign';
import { projectDataDir } from '../../server/cache-paths';
import { startDevServer, type RunningDevServer } from '../../server/dev-server';
import { freePort } from '../../server/free-port';
import { ApplicationFailure, defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { campaignDataConverter } from '../../codec/data-converter';
import { PUBLISHED_STATUS_MEMO, PublishedStatusSchema } from '../../domain/campaign/published-status';
import { readNotificationLog } from '../../activities/notify';
import {
  asOfNow,
  approvePhaseUpdate,
  campaignEventSignal,
  campaignStatusQuery,
  unitProgressSignal,
  unitStatusQuery,
  phaseReportWorkflowId,
  unitWorkflowId,
} from '../../contracts';
import { sealMessage } from '../../domain/access/message-seal';
import { uniqueId } from '../helpers/temporal';
import { withCampaignWorker, type CampaignActivities } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { startOneUnitCampaign } from '../support/one-unit-campaign';
import { smallPlan } from '../support/plans';
import { submitWhenOwed } from '../support/unit-driver';

/**
 * A private dev server that suggests continue-as-new after a few dozen history events, so both
 * workflows carry their state into new runs many times during one short campaign.
 */
let server: RunningDevServer;
beforeAll(async () => {
  const dir = path.join(projectDataDir(), 'test');
  fs.mkdirSync(dir, { recursive: true });
  server = await startDevServer({
    binary: { kind: 'binary', path: inject('temporalCliPath'), source: 'env' },
    dbFile: path.join(dir, `${uniqueId('can')}.sqlite`),
    port: await freePort(),
    headless: true,
    extraArgs: ['--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=40'],
  });
});
afterAll(async () => server?.stop());

/**
 * Sixty progress reports as a unit workflow sends them, newer versions than the unit's own: they
 * fill a campaign's history past the server's suggestion.
 */
/** A memo as the server keeps it (encoded, encrypted), opened with the campaign's converter. */
async function decodeMemo(memo: temporal.api.common.v1.IMemo | null | undefined): Promise<Record<string, unknown>> {
  const codecs = [...(campaignDataConverter().payloadCodecs ?? [])].reverse();
  const entries = await Promise.all(
    Object.entries(memo?.fields ?? {}).map(async ([key, payload]) => {
      let payloads = [payload];
      for (const codec of codecs) payloads = await codec.decode(payloads);
      return [key, defaultPayloadConverter.fromPayload(payloads[0]!)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** The key this test starts its campaigns with, so it can seal reports as a unit workflow would. */
const MESSAGE_KEY = '5e'.repeat(32);

async function sendProgressReports(campaign: WorkflowHandle, unitId: string, marks: number): Promise<void> {
  // Above any version the real unit sends (its workflow clock in ms), so these are the ones kept.
  const base = 10 ** 15;
  for (let version = base; version < base + 60; version++) {
    const progress = { unitId, version, phases: {}, overdue: [], marks, escalations: [] };
    const seal = sealMessage(MESSAGE_KEY, {
      channel: 'unitProgress',
      from: unitId,
      seq: version,
      to: ['campaign'],
      payload: progress,
    });
    await campaign.signal(unitProgressSignal, progress, seal);
  }
}

describe('continue-as-new', () => {
  it('carries campaign and unit state into new runs without losing a report or an escalation', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const id = uniqueId('can');
      const handle = await startCampaign(client, smallPlan(id), {
        taskQueue,
        startedBy: 'office',
        // One plan day in 1.5 s: the phases pass while the test runs. A busy machine may make a clerk
        // late, so lateness is judged below against the plan times each receipt carries.
        rehearsalScale: 86_400_000 / 1500,
      });
      const receipts = [await submitWhenOwed(client, id, 'town-a', 'members', { members: [{ name: '张三' }] })];
      await eventually(
        () => handle.query(campaignStatusQuery, asOfNow()),
        (s) => s.currentPhase?.id === 'accept',
        { what: 'phase two', timeoutMs: 60_000 },
      );
      receipts.push(await submitWhenOwed(client, id, 'town-a', 'summary', { text: '总结' }));
      receipts.push(await submitWhenOwed(client, id, 'town-b', 'summary', { text: '总结' }));
      await eventually(
        () => handle.query(campaignStatusQuery, asOfNow()),
        (s) => s.totals.onTime + s.totals.late === 3,
        { what: 'the campaign to see three reports' },
      );
      await handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'leader:head' }] });
      const summary = await handle.result();
      // Every receipt is counted once, across all the runs, as on time or late just as its unit judged it.
      for (const r of receipts) expect(r.onTime, r.key).toBe(r.submittedAtMs <= r.dueMs);
      expect(summary.totals).toMatchObject({
        owed: 4,
        onTime: receipts.filter((r) => r.onTime).length,
        late: receipts.filter((r) => !r.onTime).length,
        missing: 1,
      });
      // Town B never sent its member list: its ladder reached the accountability step once.
      expect(summary.accountabilityMarks).toBe(1);

      const unitA = client.workflow.getHandle(unitWorkflowId(id, 'town-a'));
      const runs = [];
      for await (const execution of client.workflow.list({ query: `WorkflowId = '${unitA.workflowId}'` }))
        runs.push(execution.runId);
      expect(runs.length).toBeGreaterThan(1);
    }, server.address);
  });

  it('continues a campaign as new while it sleeps until its first phase, as units keep reporting', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const id = uniqueId('can-asleep');
      // At real speed, an hour before the plan begins: the campaign's next timer is an hour away.
      const handle = await startCampaign(client, smallPlan(id), {
        taskQueue,
        startedBy: 'office',
        rehearsalScale: 1,
        rehearsalLeadInMs: 3_600_000,
        messageKey: MESSAGE_KEY,
      });
      const firstRunId = (await handle.describe()).runId;
      await sendProgressReports(handle, 'town-a', 3);
      const status = await eventually(
        async () => ({
          runId: (await handle.describe()).runId,
          status: await handle.query(campaignStatusQuery, asOfNow()),
        }),
        (s) => s.runId !== firstRunId,
        { what: 'the campaign to continue as new', timeoutMs: 30_000 },
      );
      expect(status.status.status).toBe('running');
      expect(status.status.accountabilityMarks).toBe(3);
      // The new run starts with the memos of the last: the title `campaign list` shows, and the
      // published status, up to date, so `campaign glance` never finds a run with none.
      // (The run that continued, read by its id: the campaign may have continued again since.)
      const secondRun = client.workflow.getHandle(handle.workflowId, status.runId);
      const started = (await secondRun.fetchHistory()).events?.[0];
      const memo = await decodeMemo(started?.workflowExecutionStartedEventAttributes?.memo);
      expect(memo['title']).toBe(smallPlan(id).campaign.title);
      expect(PublishedStatusSchema.parse(memo[PUBLISHED_STATUS_MEMO])).toMatchObject({
        accountabilityMarks: 3,
        status: 'running',
      });
      await handle.terminate('test over');
    }, server.address);
  });

  it('continues a unit as new while its mail cannot go out, and sends that mail once the server is back', async () => {
    let mailDown = true;
    const smtpDown = () => ApplicationFailure.retryable('SMTP server unreachable (test)', 'MailTransientFailure');
    const failWhileDown = (real: CampaignActivities): CampaignActivities => ({
      ...real,
      sendNotification: (request) => (mailDown ? Promise.reject(smtpDown()) : real.sendNotification(request)),
      sendNotifications: (requests) => (mailDown ? Promise.reject(smtpDown()) : real.sendNotifications(requests)),
    });
    await withCampaignWorker(
      async ({ client, taskQueue, dataDir }) => {
        const id = uniqueId('can-mail');
        // One plan day per ten real minutes: nothing falls due while the test runs.
        const handle = await startCampaign(client, smallPlan(id), {
          taskQueue,
          startedBy: 'office',
          rehearsalScale: 86_400_000 / 600_000,
        });
        const unitA = client.workflow.getHandle(unitWorkflowId(id, 'town-a'));
        await eventually(
          () => handle.query(campaignStatusQuery, asOfNow()),
          (s) => s.currentPhase !== undefined,
          { what: 'the first phase' },
        );
        await eventually(
          () => unitA.query(unitStatusQuery, asOfNow()),
          (s) => s.rows.length > 0,
          { what: 'town-a to owe its first report' },
        );
        const firstRunId = (await unitA.describe()).runId;
        // Events the unit takes and ignores (number 0) fill its history past the server's suggestion.
        for (let i = 0; i < 15; i++) await unitA.signal(campaignEventSignal, { type: 'paused', seq: 0, by: 'test' });
        await eventually(
          async () => (await unitA.describe()).runId,
          (runId) => runId !== firstRunId,
          { what: 'town-a to continue as new with its mail still retrying', timeoutMs: 30_000 },
        );
        expect(await readNotificationLog(id, { dataDir })).toEqual([]);

        mailDown = false;
        const opened = await eventually(
          async () =>
            (await readNotificationLog(id, { dataDir })).filter(
              (e) => e.kind === 'phase_opened' && e.requestId.startsWith(unitA.workflowId),
            ),
          (entries) => entries.length >= 2,
          { what: "town-a's phase notice, sent by the new run", timeoutMs: 60_000 },
        );
        // Each of the unit's two people has it, once.
        expect(new Set(opened.map((e) => e.email)).size).toBe(opened.length);
        expect(opened.every((e) => e.status === 'outbox')).toBe(true);
        await handle.terminate('test over');
      },
      server.address,
      failWhileDown,
    );
  });

  it("continues a campaign as new while a phase's report is still being compiled, and the report still goes out", async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holdReports = (real: CampaignActivities): CampaignActivities => ({
      ...real,
      publishCampaignReport: async (input) => {
        await released;
        return real.publishCampaignReport(input);
      },
    });
    // Let go in any case: a held activity would keep the worker from shutting down after a failure.
    await withCampaignWorker(
      async ({ client, taskQueue, dataDir }) => {
        try {
          await reportOutlivesItsRun(client, taskQueue, dataDir);
        } finally {
          release();
        }
      },
      server.address,
      holdReports,
    );
    async function reportOutlivesItsRun(client: Client, taskQueue: string, dataDir: string) {
      const { id, campaign: handle, unit } = await startOneUnitCampaign(client, taskQueue, 'can-report');
      await handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'phase-1', by: 'leader:head' }] });
      const reportRunId = (await handle.describe()).runId;
      await sendProgressReports(handle, 'unit-00001', 0);
      await eventually(
        async () => (await handle.describe()).runId,
        (runId) => runId !== reportRunId,
        { what: 'the campaign to continue as new with its report held', timeoutMs: 30_000 },
      );
      // The new run keeps the workflow task timeout the campaign was started with; its unit and its report have it too.
      const report = client.workflow.getHandle(phaseReportWorkflowId(handle.workflowId, 'phase-1'));
      for (const workflow of [handle, unit, report]) {
        const config = (await workflow.describe()).raw.executionConfig;
        expect(Number(config?.defaultWorkflowTaskTimeout?.seconds), workflow.workflowId).toBe(30);
      }
      const reportMail = () =>
        readNotificationLog(id, { dataDir }).then((log) => log.filter((e) => e.kind === 'report_ready'));
      expect(await reportMail()).toEqual([]);

      release();
      const mailed = await eventually(reportMail, (entries) => entries.length > 0, {
        what: "phase one's report mailed to the office",
      });
      expect(mailed.map((e) => [e.email, e.status])).toEqual([['office@example.org', 'outbox']]);
      await handle.terminate('test over');
    }
  });
});
