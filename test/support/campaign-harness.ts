import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { createActivities } from '../../activities';
import { createFolderReportStore } from '../../activities/reports/report-store';
import { loadMailConfig } from '../../config/mail-config';
import { WORKFLOWS_PATH } from '../../worker/campaign-worker';
import { testClient, withWorker } from '../helpers/temporal';

export interface Harness {
  client: Client;
  taskQueue: string;
  dataDir: string;
  outboxFiles(): string[];
  outboxText(): string[];
}

export type CampaignActivities = ReturnType<typeof createActivities>;

/**
 * Runs `fn` with a real worker (real activities, outbox mail, folder report store) on the shared
 * dev server. `wrap` may put a test's hand on an activity (hold it until the test lets go) while
 * the real one still does the work.
 */
export async function withCampaignWorker<T>(
  fn: (harness: Harness) => Promise<T>,
  address?: string,
  wrap: (real: CampaignActivities) => CampaignActivities = (real) => real,
  { unitQueue = false }: { unitQueue?: boolean } = {},
): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-test-'));
  const mailConfig = loadMailConfig({ CAMPAIGN_DATA_DIR: dataDir });
  const outbox = path.join(dataDir, 'outbox');
  const client = await testClient(address);
  const activities = wrap(
    createActivities({
      client,
      mailConfig,
      store: createFolderReportStore({ dataDir }),
      mail: { log: () => undefined },
    }),
  );
  return withWorker({ workflowsPath: WORKFLOWS_PATH, activities, address, unitQueue }, async (ctx) => {
    const files = () =>
      fs.existsSync(outbox)
        ? fs
            .readdirSync(outbox, { recursive: true, encoding: 'utf8' })
            .filter((f) => f.endsWith('.eml'))
            .sort()
        : [];
    return fn({
      client: ctx.client,
      taskQueue: ctx.taskQueue,
      dataDir,
      outboxFiles: files,
      outboxText: () => files().map((f) => fs.readFileSync(path.join(outbox, f), 'utf8')),
    });
  });
}
