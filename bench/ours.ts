import { DAY_MS } from '../domain/clock/time-units';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCampaign } from '../client/start-campaign';
import { readPublishedStatus } from '../client/status/read-published-status';
import type { Plan } from '../domain/plan/schema';
import {
  asOfNow,
  campaignStatusQuery,
  caseEventUpdate,
  fileCasesUpdate,
  submitReportUpdate,
  unitWorkflowId,
  unitTaskQueueOf,
  campaignWorkflowId,
} from '../contracts';
import { benchCase, benchPlan, benchReport } from './bench-plan';
import { approvePhase, ledgerReconciled, phaseDelivered } from './campaign-driver';
import type { OursFigures, PhaseTiming } from './figures';
import { probeLoop, Samples, sleep, untilAccepted, within } from './load';
import { startControlProbe, type ControlProbe } from './control-probe';
import { startMeter } from './meter';
import { oursHistory } from './ours-history';
import { statusWaits } from './status-wait';
import { workflowTaskFigures } from './workflow-tasks';
import { startWorkerProcess, whileAlive, type WorkerProcess } from './processes';
import type { RunContext } from './run-context';
import { deliver, type Arrivals } from './arrivals';

/**
 * One plan day per real minute: a rehearsal, yet the windows (252 plan days) outlast even a long
 * run, so no deliverable falls due and no reminder or escalation mixes into what is measured.
 */
const SCALE = DAY_MS / 60_000;
const BIN = path.resolve(__dirname, '../bin/campaign.js');
/** How often the leaders' dashboard asks where things stand while the units submit. */
const STATUS_PROBE_MS = 250;

const secondsSince = (startMs: number) => (performance.now() - startMs) / 1000;

/** How this run's load arrives: all at once (the default), or spread as offices hand in. */
export type OursLoad = { kind: 'burst' } | { kind: 'spread'; windowSeconds: number };

export interface OursOptions {
  id?: string;
  load?: OursLoad;
  /** The worker's workflow cache cap (CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS); the SDK's default when unset. */
  maxCachedWorkflows?: number;
}

interface OursContext extends RunContext {
  /** How one round of calls (a phase's reports, the filing, the tick-off) arrives. */
  arrivalsOf: (round: string) => Arrivals;
}

/** The same spread for the same round in every run, so a capped run meets the uncapped one's arrivals. */
function arrivalsFor(load: OursLoad, concurrency: number): (round: string) => Arrivals {
  if (load.kind === 'burst') return () => ({ kind: 'burst', concurrency });
  return (round) => ({
    kind: 'spread',
    windowMs: load.windowSeconds * 1000,
    seed: [...round].reduce((hash, c) => Math.imul(hash ^ c.charCodeAt(0), 16_777_619) >>> 0, 2_166_136_261),
  });
}

/** The load of one phase: every unit sends both its reports, at once or spread over the phase. */
async function submitPhase(ctx: OursContext, plan: Plan, phase: Plan['phases'][number], samples: Samples) {
  const work = plan.units.flatMap((u) => phase.deliverables.map((d) => ({ unitId: u.id, deliverableId: d.id })));
  await deliver(ctx.arrivalsOf(phase.id), samples, work, async ({ unitId, deliverableId }) => {
    const handle = ctx.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, unitId));
    const input = { deliverableId, report: benchReport(deliverableId), by: `unit:${unitId}` };
    await untilAccepted(samples, ['unknown_deliverable'], (updateId) =>
      handle.executeUpdate(submitReportUpdate, { args: [input], updateId }),
    );
  });
}

/** Every unit files its cases in one update (a ledger import), and they all stay open. */
async function fileCases(ctx: OursContext, plan: Plan, samples: Samples): Promise<Map<string, string[]>> {
  const filed = new Map<string, string[]>();
  const filings = Array.from({ length: ctx.cases }, (_, i) => benchCase(i + 1));
  await deliver(ctx.arrivalsOf('filing'), samples, plan.units, async (unit) => {
    const handle = ctx.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, unit.id));
    const result = await untilAccepted(samples, ['filing_not_open'], (updateId) =>
      handle.executeUpdate(fileCasesUpdate, { args: [{ filings, by: `unit:${unit.id}` }], updateId }),
    );
    filed.set(unit.id, result.filed);
  });
  return filed;
}

/** The tick-off (逐件对账销号): each open case gets next-step measures, or the final approval is refused. */
async function reconcileCases(ctx: OursContext, plan: Plan, filed: Map<string, string[]>, samples: Samples) {
  const work = [...filed].flatMap(([unitId, caseIds]) => caseIds.map((caseId) => ({ unitId, caseId })));
  await deliver(ctx.arrivalsOf('reconcile'), samples, work, async ({ unitId, caseId }) => {
    const handle = ctx.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, unitId));
    const event = { type: 'nextSteps', caseId, by: `unit:${unitId}`, text: '下一步继续跟踪化解' } as const;
    await untilAccepted(samples, [], (updateId) => handle.executeUpdate(caseEventUpdate, { args: [event], updateId }));
  });
}

/**
 * Seconds from a phase's last accepted report until the published status counts every report so
 * far (the unit's progress signal, the campaign's task, its next publication, visibility), or
 * undefined if it did not within a minute.
 */
async function publishedCatchUp(ctx: RunContext, campaignId: string, reports: number): Promise<number | undefined> {
  const start = performance.now();
  while (performance.now() - start < 60_000) {
    const view = await readPublishedStatus(ctx.client, campaignId).catch(() => undefined);
    if (view && view.totals.onTime + view.totals.late >= reports) return secondsSince(start);
    await sleep(STATUS_PROBE_MS);
  }
  return undefined;
}

async function drive(
  ctx: OursContext,
  plan: Plan,
  worker: WorkerProcess,
  serverPid: number | undefined,
  control: ControlProbe,
) {
  const submissions = new Samples();
  const caseUpdates = new Samples();
  // The dashboard's answers while units submit and leaders approve, and apart, while the summary is prepared.
  const statusQueries = new Samples();
  const statusQueriesAfter = new Samples();
  const controlQueries = new Samples();
  // The same dashboard reading what the campaign published on itself (`campaign glance`).
  const publishedQueries = new Samples();
  let probeInto = statusQueries;
  const phases: PhaseTiming[] = [];
  const driverQueryFailures = { count: 0 };
  let filed = new Map<string, string[]>();
  let rssWithOpenCasesMb = 0;
  const meter = startMeter(worker, serverPid);
  const started = performance.now();
  const handle = await startCampaign(ctx.client, plan, {
    taskQueue: ctx.taskQueue,
    startedBy: 'office',
    rehearsalScale: SCALE,
    // As `campaign start` does: the worker serves the units on a queue of their own.
    unitTaskQueue: unitTaskQueueOf(ctx.taskQueue),
  });
  const probe = probeLoop(
    () => probeInto,
    () => handle.query(campaignStatusQuery, asOfNow()),
    STATUS_PROBE_MS,
  );
  const controlProbe = probeLoop(
    () => controlQueries,
    () => control.query(),
    STATUS_PROBE_MS,
  );
  const publishedProbe = probeLoop(
    () => publishedQueries,
    () => readPublishedStatus(ctx.client, plan.campaign.id),
    STATUS_PROBE_MS,
  );
  let lastApproval = started;
  const catchUps: Promise<number | undefined>[] = [];
  let reportsSoFar = 0;
  for (const phase of plan.phases) {
    const timing: PhaseTiming = {
      phaseId: phase.id,
      openSeconds: 0,
      submitSeconds: 0,
      caseSeconds: 0,
      approveSeconds: 0,
    };
    await phaseDelivered(handle, phase.id, driverQueryFailures);
    timing.openSeconds = secondsSince(lastApproval);
    let mark = performance.now();
    await submitPhase(ctx, plan, phase, submissions);
    timing.submitSeconds = secondsSince(mark);
    reportsSoFar += plan.units.length * phase.deliverables.length;
    catchUps.push(publishedCatchUp(ctx, plan.campaign.id, reportsSoFar));
    mark = performance.now();
    if (phase.casesFiling && ctx.cases > 0) {
      filed = await fileCases(ctx, plan, caseUpdates);
      rssWithOpenCasesMb = worker.rssMb();
      ctx.log(`  ours ${plan.units.length}: ${plan.units.length * ctx.cases} cases filed`);
    }
    if (phase === plan.phases.at(-1) && ctx.cases > 0) {
      await reconcileCases(ctx, plan, filed, caseUpdates);
      await ledgerReconciled(handle, driverQueryFailures);
    }
    timing.caseSeconds = secondsSince(mark);
    mark = performance.now();
    await approvePhase(handle, phase.id);
    lastApproval = performance.now();
    timing.approveSeconds = secondsSince(mark);
    phases.push(timing);
    ctx.log(`  ours ${plan.units.length}: ${phase.id} done ${JSON.stringify(timing, (_, v: unknown) => round(v))}`);
  }
  // A summary that never comes must not hold the benchmark forever: past the limit the campaign is
  // terminated (so it stops loading the worker) and the run is reported without one.
  probeInto = statusQueriesAfter;
  await controlProbe.stop();
  await publishedProbe.stop();
  const publishedCatchUpSeconds = await Promise.all(catchUps);
  const toLastApproval = meter();
  const summary = await within(handle.result(), ctx.summaryTimeoutMs);
  if (summary === undefined) {
    ctx.log(`  ours ${plan.units.length}: no summary ${ctx.summaryTimeoutMs / 60_000} min after the last approval`);
    await handle.terminate('bench: no summary in time');
  }
  const wallSeconds = secondsSince(started);
  const finalReportSeconds = secondsSince(lastApproval);
  await probe.stop();
  return {
    submissions,
    caseUpdates,
    statusQueries,
    statusQueriesAfter,
    controlQueries,
    controlFailures: controlProbe.failures(),
    publishedQueries,
    publishedFailures: publishedProbe.failures(),
    publishedCatchUpSeconds,
    toLastApproval,
    probeFailures: probe.failures() + driverQueryFailures.count,
    phases,
    filed,
    rssWithOpenCasesMb,
    cpu: meter(),
    wallSeconds,
    finalReportSeconds,
    summary,
  };
}

const round = (v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v);

/** Our campaign at one size, its worker in a process of its own, start to summary. */
export async function runOurs(
  units: number,
  ctx: Omit<RunContext, 'taskQueue'>,
  { id = `bench-${units}-${Date.now()}`, load = { kind: 'burst' }, maxCachedWorkflows }: OursOptions = {},
): Promise<OursFigures> {
  const plan = benchPlan(id, units);
  const cache: Record<string, string> =
    maxCachedWorkflows === undefined ? {} : { CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS: String(maxCachedWorkflows) };
  const dataDir = fs.mkdtempSync(path.join(ctx.workDir, 'ours-data-'));
  const taskQueue = `bench-ours-${id}`;
  const worker = await startWorkerProcess(ctx.client, {
    entry: [BIN, 'worker'],
    // No SMTP_URL: every mail is written to the outbox in the temporary data directory.
    env: { TEMPORAL_ADDRESS: ctx.address, CAMPAIGN_DATA_DIR: dataDir, SMTP_URL: '', ...cache },
    taskQueue,
    logFile: path.join(ctx.workDir, `ours-${units}-worker.log`),
  });
  let control: ControlProbe | undefined;
  try {
    control = await startControlProbe(ctx.client, {
      address: ctx.address,
      id,
      logFile: path.join(ctx.workDir, `control-${units}-worker.log`),
    });
    const arrivalsOf = arrivalsFor(load, ctx.concurrency);
    const run = await whileAlive(
      worker,
      drive({ ...ctx, taskQueue, arrivalsOf }, plan, worker, ctx.serverPid, control),
    );
    const peakRssMb = worker.peakRssMb();
    const history = await oursHistory(ctx.client, id, units);
    const { figures: campaignTasks, spans } = await workflowTaskFigures(ctx.client, campaignWorkflowId(id));
    return {
      units,
      campaignId: id,
      wallSeconds: run.wallSeconds,
      submissions: run.submissions.count,
      submissionsPerSecond: run.submissions.perSecond(),
      submitMs: run.submissions.percentiles(),
      retries: run.submissions.retries + run.caseUpdates.retries,
      rpcTimeouts: run.submissions.rpcTimeouts + run.caseUpdates.rpcTimeouts,
      worker: { ...run.cpu.worker, startRssMb: worker.startRssMb, peakRssMb },
      server: run.cpu.server,
      loadGenerator: run.cpu.loadGenerator,
      otherProcesses: run.cpu.otherProcesses,
      statusQueryMs: {
        ...run.statusQueries.percentiles(),
        samples: run.statusQueries.count,
        failures: run.probeFailures,
      },
      statusQueryAfterLoadMs: { ...run.statusQueriesAfter.percentiles(), samples: run.statusQueriesAfter.count },
      controlQueryMs: {
        ...run.controlQueries.percentiles(),
        samples: run.controlQueries.count,
        failures: run.controlFailures,
      },
      publishedStatusMs: {
        ...run.publishedQueries.percentiles(),
        samples: run.publishedQueries.count,
        failures: run.publishedFailures,
      },
      publishedCatchUpSeconds: run.publishedCatchUpSeconds.map((s) => s ?? null),
      toLastApproval: {
        wallSeconds: run.toLastApproval.wallSeconds,
        workerCpuSeconds: run.toLastApproval.worker.cpuSeconds,
        serverCpuSeconds: run.toLastApproval.server.cpuSeconds,
      },
      caseUpdates: run.caseUpdates.count,
      caseUpdatesPerSecond: run.caseUpdates.perSecond(),
      caseUpdateMs: run.caseUpdates.percentiles(),
      openCases: [...run.filed.values()].reduce((n, ids) => n + ids.length, 0),
      rssWithOpenCasesMb: run.rssWithOpenCasesMb,
      finalReportSeconds: run.finalReportSeconds,
      phases: run.phases,
      summary: run.summary && {
        status: run.summary.status,
        owed: run.summary.totals.owed,
        onTime: run.summary.totals.onTime,
        late: run.summary.totals.late,
      },
      history,
      campaignTasks,
      statusWaits: statusWaits(run.statusQueries, spans),
    };
  } catch (error) {
    // Said before the run shuts its server down: calls still in flight may then fail noisily.
    ctx.log(`  ours ${units}: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    throw error;
  } finally {
    await control?.stop();
    await worker.stop();
  }
}
