/**
 * Records real workflow histories for the replay tests: runs a short rehearsal of the small test
 * plan on a private dev server with the real worker (an on-time unit, a refused submission, a late
 * unit climbing the ladder to a public notice and a mark, a return, an approval, completion), then
 * writes the histories of the campaign and both unit workflows to test/fixtures/histories/*.pb.
 * Re-record only on purpose: the fixtures pin the behaviour of workflows already in production.
 * A change behind a patch adds a set beside the old ones, tagged with the patch id (name@tag.pb),
 * so histories of both generations keep replaying; retiring the patch deletes the sets recorded
 * before it (README, "Versioning workflow code"):
 *   node bin/run-ts.js scripts/record-histories.ts [tag]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { createFolderReportStore } from '../activities/reports/report-store';
import { startCampaign } from '../client/start-campaign';
import { rejectionOf } from '../client/update-rejection';
import { loadMailConfig } from '../config/mail-config';
import { startDevServer } from '../server/dev-server';
import { smallPlan } from '../test/support/plans';
import { WORKFLOWS_PATH } from '../worker/campaign-worker';
import {
  approvePhaseUpdate,
  asOfNow,
  campaignStatusQuery,
  returnPhaseUpdate,
  submitReportUpdate,
  unitStatusQuery,
  phaseReportWorkflowId,
  unitWorkflowId,
} from '../contracts';

const OUT = path.join(__dirname, '../test/fixtures/histories');
const TAG = process.argv[2] === undefined ? '' : `@${process.argv[2]}`;
const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    await sleep(100);
  }
  throw new Error('the rehearsal did not reach the expected state');
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'record-histories-'));
  const server = await startDevServer({ headless: true });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  try {
    const activities = createActivities({
      client,
      mailConfig: loadMailConfig({ CAMPAIGN_DATA_DIR: dataDir }),
      store: createFolderReportStore({ dataDir }),
      mail: { log: () => undefined },
    });
    const taskQueue = 'record-histories';
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowsPath: WORKFLOWS_PATH,
      activities,
    });
    await worker.runUntil(async () => {
      const plan = smallPlan('replay-fixture');
      const handle = await startCampaign(client, plan, { taskQueue, startedBy: 'office', rehearsalScale: DAY / 1500 });
      const unitA = client.workflow.getHandle(unitWorkflowId(plan.campaign.id, 'town-a'));
      const unitB = client.workflow.getHandle(unitWorkflowId(plan.campaign.id, 'town-b'));
      await until(
        () => unitA.query(unitStatusQuery, asOfNow()),
        (s) => s.rows.length === 1,
      );
      await unitA.executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: 'members', report: { members: [{ name: '张三' }] }, by: 'unit:town-a' }],
      });
      await unitB
        .executeUpdate(submitReportUpdate, {
          args: [{ deliverableId: 'members', report: { members: [] }, by: 'unit:town-b' }],
        })
        .catch((err: unknown) => console.log(`refused as intended: ${rejectionOf(err)?.message}`));
      await until(
        () => unitB.query(unitStatusQuery, asOfNow()),
        (s) => s.rows[0]?.escalationStep === 2,
      );
      await unitB.executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: 'members', report: { members: [{ name: '王五' }] }, by: 'unit:town-b' }],
      });
      await handle.executeUpdate(returnPhaseUpdate, {
        args: [{ phaseId: 'mobilise', units: ['town-b'], reason: '名单不全', newDue: '2026-04-30', by: 'leader:head' }],
      });
      await until(
        () => handle.query(campaignStatusQuery, asOfNow()),
        (s) => s.currentPhase?.id === 'accept',
      );
      for (const unit of [unitA, unitB]) {
        await until(
          () => unit.query(unitStatusQuery, asOfNow()),
          (s) => s.rows.some((r) => r.key === 'summary'),
        );
        await unit.executeUpdate(submitReportUpdate, {
          args: [{ deliverableId: 'summary', report: { text: '总结' }, by: 'unit' }],
        });
      }
      await handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'leader:head' }] });
      await handle.result();
      await sleep(2000); // let the units finish their last messages
      fs.mkdirSync(OUT, { recursive: true });
      for (const [name, h] of [
        ['campaign', handle],
        ['unit-on-time', unitA],
        ['unit-late-returned', unitB],
        // The last phase's report, in a workflow of its own.
        ['phase-report', client.workflow.getHandle(phaseReportWorkflowId(handle.workflowId, 'accept'))],
      ] as const) {
        const history = await h.fetchHistory();
        // Binary protobuf: exact, compact, and independent of JSON conversion details.
        fs.writeFileSync(path.join(OUT, `${name}${TAG}.pb`), temporal.api.history.v1.History.encode(history).finish());
        console.log(`${name}: ${history.events?.length ?? 0} events`);
      }
    });
  } finally {
    await nativeConnection.close();
    await connection.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
