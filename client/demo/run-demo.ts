import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { loadMailConfig } from '../../config/mail-config';
import type { TemporalConfig } from '../../config/temporal-connection';
import { defaultDevServerDbFile, projectDataDir, repoRoot } from '../../server/cache-paths';
import { isPortOpen } from '../../server/free-port';
import { ensureDevServer } from '../../server/provision';
import { runCampaignWorker, WORKFLOWS_PATH } from '../../worker/campaign-worker';
import { bundleWorkflowsOnce } from '../../worker/run-worker';
import { unitTaskQueueOf, asOfNow, campaignStatusQuery, cancelCampaignUpdate } from '../../contracts';
import { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { style } from '../output/style';
import { readPlanFile } from '../plan/read-plan-file';
import { compileReportNow } from '../report-snapshot';
import { credentialsDir, writeCredentialFiles } from '../access/credential-files';
import { recordIssuedCredentials } from '../access/credential-registry';
import { issueCredentials } from '../access/issue-credentials';
import { rehearsalOriginMs } from '../../domain/clock/campaign-clock';
import { startCampaign } from '../start-campaign';
import { startService, type RunningService } from '../../service/server';
import { DemoView } from './demo-view';
import { simulateCampaign } from './demo-simulation';

export interface DemoOptions {
  planFile: string;
  daySeconds: number;
}

const LEAD_IN_DAYS = 3;
// At a fraction of a second per plan day, three plan days are too short for a busy machine to
// start the units: the lead-in is at least this much real time.
const LEAD_IN_MIN_MS = 5_000;

const say = (line: string) => process.stdout.write(`${style.dim('demo:')} ${line}\n`);

function findPlanFile(requested: string): string {
  if (fs.existsSync(requested)) return requested;
  const inRepo = path.join(repoRoot, requested);
  if (fs.existsSync(inRepo)) return inRepo;
  // The county example is written separately; any example plan tells the same story.
  const examples = path.join(repoRoot, 'examples');
  const fallback = fs.existsSync(examples) ? fs.readdirSync(examples).find((f) => f.endsWith('.yaml')) : undefined;
  if (fallback) return path.join(examples, fallback);
  throw new CliError(`there is no plan file ${requested}`, EXIT.usage, 'pass one with --plan');
}

function stamp(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** Resolves once a worker polls the queue, so the rehearsal clock does not start before anyone runs it. */
async function waitForPoller(
  client: Client,
  namespace: string,
  taskQueue: string,
  worker: Promise<void>,
): Promise<void> {
  let failed: Error | undefined;
  worker.catch((error: unknown) => (failed = error instanceof Error ? error : new Error(String(error))));
  for (let tries = 0; tries < 600; tries++) {
    if (failed !== undefined) throw failed;
    const answer = await client.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue },
      taskQueueType: 1,
    });
    if (answer.pollers.length > 0) return;
    await sleep(100);
  }
  throw new CliError('the demo worker did not start within a minute', EXIT.failed, 'run again with --debug');
}

/**
 * `campaign demo`: a rehearsal of the county plan on a local server, with a worker in this
 * process and simulated units and leaders, that tidies up after itself.
 */
export async function runDemo(ctx: CliContext, options: DemoOptions): Promise<void> {
  const planFile = findPlanFile(options.planFile);
  const checked = await readPlanFile(planFile);
  if (!checked.ok)
    throw new CliError(`${planFile} is not a valid plan`, EXIT.failed, `see \`campaign validate ${planFile}\``);
  const plan = checked.plan;
  try {
    // The worker's INFO lines would scroll the live table away; warnings still show.
    // Core's own warnings (slow workflow tasks on a busy laptop) go the same way: errors only.
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }), forward: {} } },
    });
  } catch {
    // Already installed in this process.
  }
  const config = ctx.temporalConfig();
  const port = (await isPortOpen('127.0.0.1', 7233)) ? undefined : 7233;
  fs.mkdirSync(projectDataDir(), { recursive: true });
  say(`looking for Temporal at ${config.address}...`);
  const server = await ensureDevServer({
    existingAddress: config.address,
    dbFile: defaultDevServerDbFile(),
    port,
    log: { file: path.join(projectDataDir(), 'demo-server.log') },
  });
  say(
    server.started
      ? `started a dev server at ${server.address}${server.uiUrl ? `, Web UI ${server.uiUrl}` : ''}`
      : `using the server at ${server.address}`,
  );
  const abort = new AbortController();
  let worker: Promise<void> | undefined;
  let stopped = false;
  let closing: () => Promise<void> = () => Promise.resolve();
  const onSignal = () => {
    stopped = true;
  };
  process.once('SIGINT', onSignal);
  try {
    const temporal = { ...config, address: server.address };
    // The client talks to the server the demo found or started, not necessarily the configured one.
    const local = new CliContext({ ...ctx.options, address: server.address }, ctx.env);
    closing = () => local.close();
    const taskQueue = `demo-${stamp()}`;
    const mailConfig = loadMailConfig(ctx.env);
    say('bundling the workflows and starting a worker (a few seconds)...');
    await bundleWorkflowsOnce(WORKFLOWS_PATH);
    worker = runCampaignWorker({
      temporal,
      taskQueue,
      mailConfig,
      // A one-host rehearsal: everything in the data folder, where the closing lines point, even
      // in a shell that has DATABASE_URL set for a deployment.
      stores: { kind: 'folder', dataDir: mailConfig.dataDir, outboxDir: mailConfig.outboxDir },
      signal: abort.signal,
      log: () => undefined,
      mail: { log: () => undefined },
    });
    const client = await local.client();
    await waitForPoller(client, temporal.namespace, taskQueue, worker);
    const service = await startDemoService(temporal, ctx.env);
    closing = async () => {
      await service.close();
      await local.close();
    };

    const campaignId = `${plan.campaign.id.startsWith('county') ? 'county' : plan.campaign.id}-demo-${stamp()}`;
    const scale = 86_400 / options.daySeconds;
    // A few plan days of lead-in before the first phase: the unit workflows start and settle while
    // nothing is due yet, so a slow first second cannot make the punctual units late.
    const dated = plan.phases[0] !== undefined && 'start' in plan.phases[0].window;
    const nowMs = Date.now() + (dated ? Math.max(LEAD_IN_DAYS * options.daySeconds * 1000, LEAD_IN_MIN_MS) : 0);
    // Credentials as in a real campaign: the simulated units and leaders act through their own files.
    const issued = issueCredentials(plan, campaignId);
    writeCredentialFiles(credentialsDir(mailConfig.dataDir, campaignId), issued.credentials);
    await recordIssuedCredentials(ctx.env, issued.credentials);
    const handle = await startCampaign(client, plan, {
      taskQueue,
      startedBy: 'office',
      rehearsalScale: scale,
      campaignId,
      nowMs,
      access: issued.access,
      unitTaskQueue: unitTaskQueueOf(taskQueue),
    });
    ctx.campaignId = campaignId;
    say(`started ${style.bold(campaignId)}: ${plan.campaign.title}, one plan day ≈ ${options.daySeconds} s`);
    say(
      `console and API at ${style.bold(service.url)}: sign in with a file from ${credentialsDir(mailConfig.dataDir, campaignId)}`,
    );
    const view = new DemoView(
      process.stdout.isTTY === true && !ctx.json,
      plan.campaign.timeZone,
      rehearsalOriginMs(plan, Date.now()),
    );
    const runPlan = { ...plan, campaign: { ...plan.campaign, id: campaignId } };
    const tickMs = Math.max(200, Math.min(1000, options.daySeconds * 400));
    const last = await simulateCampaign({ client, plan: runPlan, campaignId, view, tickMs, stopped: () => stopped });
    if (stopped) {
      await handle
        .executeUpdate(cancelCampaignUpdate, { args: [{ reason: 'demo stopped', by: 'office' }] })
        .catch(() => undefined);
      say('stopped; the demo campaign was cancelled');
      return;
    }
    // The final report is published before the workflow returns; wait for it before stopping the worker.
    await handle.result();
    view.finish(last.status === 'running' ? last : await handle.query(campaignStatusQuery, asOfNow()));
    await finalWords(client, campaignId, mailConfig.dataDir, mailConfig.outboxDir, server.started);
  } finally {
    process.removeListener('SIGINT', onSignal);
    abort.abort();
    await worker?.catch(() => undefined);
    await closing();
    await server.stop();
  }
}

/** The campaign service beside the demo's worker: on its configured port, or any free one when that is taken. */
async function startDemoService(temporal: TemporalConfig, env: NodeJS.ProcessEnv): Promise<RunningService> {
  const quiet = () => undefined;
  try {
    return await startService({ temporal, env, log: quiet });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startService({ temporal, env, port: 0, log: quiet });
  }
}

async function finalWords(client: Client, campaignId: string, dataDir: string, outboxDir: string, ownServer: boolean) {
  const report = await compileReportNow(client, campaignId);
  const reportDir = path.join(dataDir, 'demo');
  fs.mkdirSync(reportDir, { recursive: true });
  const reportFile = path.join(reportDir, `${campaignId}-report.md`);
  fs.writeFileSync(reportFile, report.markdown, 'utf8');
  const mails = fs.existsSync(outboxDir)
    ? fs.readdirSync(outboxDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.eml')).length
    : 0;
  const lines = [
    '',
    style.bold('The campaign is complete. Where to look:'),
    `  final report     ${reportFile}`,
    `  report store     ${path.join(dataDir, 'reports')} (the phase and final reports the workflow published)`,
    `  notifications    ${path.join(dataDir, 'notifications', `${campaignId}.jsonl`)}  (campaign notifications ${campaignId})`,
    `  outbox           ${outboxDir} (${mails} mail(s) as .eml files)`,
    `  credentials      ${credentialsDir(dataDir, campaignId)} (one file per unit, leader and the office; see campaign audit ${campaignId})`,
  ];
  if (ownServer)
    lines.push(
      '',
      'The demo server and worker are stopped. Run `campaign server` and `campaign worker` to keep one running.',
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}
