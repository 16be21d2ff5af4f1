import { campaignDataConverter } from '../../codec/data-converter';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { readNotificationLog, type NotificationLogEntry } from '../../activities/notify/notification-log';
import { createFolderReportStore } from '../../activities/reports/report-store';
import { startCampaign } from '../../client/start-campaign';
import { campaignClock } from '../../domain/clock/campaign-clock';
import { loadMailConfig } from '../../config/mail-config';
import { planNow, type PlanClock } from '../../domain/clock/plan-clock';
import type { Plan } from '../../domain/plan/schema';
import type { CampaignAccess } from '../../domain/access/credential-chain';
import { WORKFLOWS_PATH } from '../../worker/campaign-worker';
import { bundleWorkflowsOnce } from '../../worker/run-worker';
import { createTimeSkippingEnv, uniqueId } from '../helpers/temporal';
import { campaignClient } from '../../temporal-client/campaign-client';

export interface PlanTimeHarness {
  client: Client;
  env: TestWorkflowEnvironment;
  clock: PlanClock;
  handle: Awaited<ReturnType<typeof startCampaign>>;
  /** Lets plan time run forward to a Beijing-style local instant (epoch ms). */
  runUntil(planMs: number): Promise<void>;
  notifications(): Promise<NotificationLogEntry[]>;
  dataDir: string;
}

export interface PlanTimeOptions {
  /** Deliver through this SMTP server instead of writing the outbox. */
  smtpUrl?: string;
  /** Credential chain ends (issueCredentials); without them anyone may act. */
  access?: CampaignAccess;
}

/**
 * Runs a plan on the time-skipping test server, mapping plan dates onto server time one to one
 * (a rehearsal at scale 1), so a test can jump to any local date of the plan and check what
 * happened there. Activities are the real ones: outbox mail, folder report store.
 */
export async function withPlanTime<T>(
  plan: Plan,
  fn: (harness: PlanTimeHarness) => Promise<T>,
  options: PlanTimeOptions = {},
): Promise<T> {
  const env = await createTimeSkippingEnv();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-plan-time-'));
  try {
    const mailConfig = loadMailConfig({
      CAMPAIGN_DATA_DIR: dataDir,
      ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl, MAIL_FROM: 'campaign@county.example' } : {}),
    });
    const taskQueue = uniqueId('plan-time');
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      dataConverter: campaignDataConverter(),
      workflowBundle: await bundleWorkflowsOnce(WORKFLOWS_PATH),
      activities: createActivities({
        // A plain client, as a real worker has: the environment's own waits on results by
        // unlocking time skipping, which an activity must not do behind the test's back.
        client: campaignClient({ connection: env.connection, namespace: env.namespace }),
        mailConfig,
        store: createFolderReportStore({ dataDir }),
        mail: { log: () => undefined },
      }),
    });
    return await worker.runUntil(async () => {
      const nowMs = await env.currentTimeMs();
      const clock = campaignClock(plan, { rehearsalScale: 1 }, nowMs);
      const handle = await startCampaign(env.client, plan, {
        taskQueue,
        startedBy: 'office',
        rehearsalScale: 1,
        nowMs,
        ...(options.access ? { access: options.access } : {}),
      });
      return fn({
        client: env.client,
        env,
        clock,
        handle,
        async runUntil(planMs) {
          const ahead = planMs - planNow(clock, await env.currentTimeMs());
          if (ahead > 0) await env.sleep(ahead);
        },
        notifications: () => readNotificationLog(plan.campaign.id, { dataDir }),
        dataDir,
      });
    });
  } finally {
    await env.teardown();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
