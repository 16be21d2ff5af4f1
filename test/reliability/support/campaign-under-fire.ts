import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { expect } from 'vitest';
import { readNotificationLog } from '../../../activities/notify/notification-log';
import { startCampaign } from '../../../client/start-campaign';
import { campaignClock } from '../../../domain/clock/campaign-clock';
import { rejectionOf } from '../../../client/update-rejection';
import { planNow, type PlanClock } from '../../../domain/clock/plan-clock';
import type { Plan } from '../../../domain/plan/schema';
import type { UnitState } from '../../../domain/unit/unit-state';
import {
  approvePhaseUpdate,
  asOfNow,
  campaignStatusQuery,
  escalationLogQuery,
  submitReportUpdate,
  unitStatusQuery,
  type SubmissionReceipt,
  campaignWorkflowId,
  unitWorkflowId,
  type UnitWorkflow,
} from '../../../contracts';
import { eventually } from '../../support/eventually';
import { reportFor } from '../../support/plan-runner';
import { smallPlan, unitInput } from '../../support/plans';
import { readCampaignRecord, tallyMail, type MailTally } from './audit';
import { replayCurrentRun } from '../../support/replay-check';
import type { MailSink, SunkMail } from './mail-sink';

/**
 * A rehearsal campaign that keeps the worker busy with everything at once, so a fault injected at
 * any moment lands on updates, timers and mail in flight; then the checks that nothing was lost or
 * doubled. Shared by the worker-crash, two-worker and server-restart tests.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** One plan day in five real seconds: the whole ladder within about forty seconds. */
export const REAL_MS_PER_PLAN_DAY = 5_000;

const PUNCTUAL = 9;
const SILENT = 3;
const DAILY_DUES = ['2026-04-13', '2026-04-14', '2026-04-15'];

/**
 * Twelve units; nine report every day, three never do. A daily report (three occurrences, each
 * reminded at 09:00 and due at 12:00) and a summary keep submissions, reminders, overdue notices
 * and both escalation steps (the second with a public notice to every unit) coming all along.
 */
export function busyPlan(id: string): Plan {
  const units = Array.from({ length: PUNCTUAL + SILENT }, (_, i) =>
    unitInput(`${i < PUNCTUAL ? 'on-time' : 'silent'}-${String(i + 1).padStart(2, '0')}`, `单位${i + 1}`),
  );
  return smallPlan(id, {
    units,
    escalation: [
      { after: '1d', notify: ['unit-head'] },
      { after: '2d', notify: ['office', { leader: 'deputy' }], publicNotice: true, accountability: true },
    ],
    phases: [
      {
        id: 'daily',
        name: '每日报送',
        window: { start: '2026-04-12', end: '2026-04-15' },
        deliverables: [
          {
            id: 'daily',
            title: '每日进展',
            kind: 'progress',
            due: { after: '1d', time: '12:00' },
            recurrence: { every: '1d' },
            reminders: [{ before: '0d', at: '09:00' }],
          },
        ],
      },
      {
        id: 'accept',
        name: '总结验收',
        window: { start: '2026-04-16', end: '2026-04-17' },
        gate: 'approval',
        deliverables: [{ id: 'summary', title: '书面总结', kind: 'summary', due: '2026-04-17' }],
      },
    ],
  });
}

const punctual = (plan: Plan) => plan.units.filter((u) => u.id.startsWith('on-time'));
const silent = (plan: Plan) => plan.units.filter((u) => u.id.startsWith('silent'));
const beijingMs = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);

export interface Fault {
  atMs: number;
  what: string;
  /** Submissions the clerks were waiting on when it struck. */
  updatesInFlight: number;
  /** SMTP connections open when it struck: mail half sent. */
  smtpOpen: number;
}

export interface FireContext {
  client: Client;
  clock: PlanClock;
  sink: MailSink;
  /** The campaign's plan, for a fault that watches its workflows. */
  plan: Plan;
  /** Submissions taken so far: the workflows kept running while something else was down. */
  submissionsTaken: () => number;
  /** Waits (up to `timeoutMs`) for a moment with submissions and mail both in flight, then strikes. */
  strike: (what: string, fault: () => Promise<void>, timeoutMs?: number) => Promise<Fault>;
}

export interface Outcome {
  faults: Fault[];
  submissions: number;
  /** Submissions a clerk had to send again after an error (same update id, so never twice). */
  clientRetries: number;
  mail: MailTally;
  escalations: number;
  workflowTaskTimeouts: number;
  activitiesOutlivedWorker: number;
  heartbeatsLapsed: number;
  activityRetries: number;
  seconds: number;
  /** From the last fault to the campaign's end: mostly the mail activities' heartbeat timeout. */
  secondsAfterLastFault: number;
}

/** A clerk per punctual unit: each report on its due morning, sent again after any error until taken. */
function startClerks(client: Client, plan: Plan, clock: PlanClock) {
  let inFlight = 0;
  let retries = 0;
  const receipts: SubmissionReceipt[] = [];
  const lostReceipts: string[] = [];

  async function submit(unitId: string, deliverableId: string, kind: string, occurrence: string | undefined) {
    const handle = client.workflow.getHandle(unitWorkflowId(plan.campaign.id, unitId));
    const key = occurrence ? `${deliverableId}@${occurrence}` : deliverableId;
    // One update id per submission: resent after an error, the server answers with the first outcome.
    // A validator refusal is not recorded anywhere, so the next try gets a fresh id.
    let generation = 0;
    for (;;) {
      inFlight += 1;
      try {
        const receipt = await handle.executeUpdate(submitReportUpdate, {
          updateId: `${unitId}/${key}/${generation}`,
          args: [{ deliverableId, occurrence, report: reportFor(plan, kind), by: `unit:${unitId}` }],
        });
        receipts.push(receipt);
        return;
      } catch (error) {
        const rejection = rejectionOf(error);
        if (rejection?.type === 'unknown_deliverable') {
          generation += 1; // the phase has not reached the unit yet: ask again shortly
        } else if (rejection?.type === 'duplicate_submission') {
          // Only an earlier try that was taken without telling us can make this: a lost receipt.
          lostReceipts.push(`${unitId}/${key}`);
          return;
        } else if (rejection !== undefined) {
          throw error;
        } else if (!(error instanceof WorkflowNotFoundError)) {
          retries += 1; // the server or the worker is away: the clerk tries again
        }
      } finally {
        inFlight -= 1;
      }
      await sleep(300);
    }
  }

  const clerks = punctual(plan).map(async (unit, i) => {
    // Spread over the morning, so some submission is in flight through most of each plan day.
    const jitter = (i - PUNCTUAL / 2) * 20 * 60_000;
    for (const due of DAILY_DUES) {
      await untilPlanTime(clock, beijingMs(due, '09:00') + jitter);
      await submit(unit.id, 'daily', 'progress', due);
    }
    await untilPlanTime(clock, beijingMs('2026-04-17', '10:00') + jitter);
    await submit(unit.id, 'summary', 'summary', undefined);
  });
  return {
    done: Promise.all(clerks),
    inFlight: () => inFlight,
    retries: () => retries,
    receipts,
    lostReceipts,
  };
}

async function untilPlanTime(clock: PlanClock, planMs: number): Promise<void> {
  const wait = (planMs - planNow(clock, Date.now())) / clock.scale;
  if (wait > 0) await sleep(wait);
}

/** Retries a leader's action through outages, with one update id so it is taken once. */
async function approve(client: Client, plan: Plan): Promise<void> {
  const handle = client.workflow.getHandle(campaignWorkflowId(plan.campaign.id));
  for (;;) {
    try {
      await handle.executeUpdate(approvePhaseUpdate, {
        updateId: 'approve-accept',
        args: [{ phaseId: 'accept', by: 'leader:head' }],
      });
      return;
    } catch (error) {
      if (rejectionOf(error) !== undefined) throw error;
      await sleep(500);
    }
  }
}

/**
 * Starts the busy campaign on `taskQueue` (a worker must already poll it), runs `inject` beside it,
 * takes it to the end and checks every invariant. Returns the figures for the report.
 */
export async function runCampaignUnderFire(options: {
  client: Client;
  taskQueue: string;
  sink: MailSink;
  plan: Plan;
  inject: (context: FireContext) => Promise<void>;
  /** The workers' CAMPAIGN_DATA_DIR, to show the delivery log when mail went wrong. */
  dataDir?: string;
}): Promise<Outcome> {
  const { client, taskQueue, sink, plan } = options;
  const started = Date.now();
  const scale = DAY / REAL_MS_PER_PLAN_DAY;
  // Half a plan day of lead-in, so every unit workflow exists before the first phase opens.
  const clockOptions = { rehearsalScale: scale, rehearsalLeadInMs: 12 * HOUR, nowMs: started };
  const clock = campaignClock(plan, clockOptions, started);
  const campaign = await startCampaign(client, plan, { taskQueue, startedBy: 'office', ...clockOptions });
  const clerks = startClerks(client, plan, clock);
  const faults: Fault[] = [];

  const strike: FireContext['strike'] = async (what, fault, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !(clerks.inFlight() > 0 && sink.openSessions() > 0)) await sleep(10);
    const snapshot = { what, updatesInFlight: clerks.inFlight(), smtpOpen: sink.openSessions() };
    const atMs = Date.now();
    await fault();
    const record = { atMs, ...snapshot };
    faults.push(record);
    return record;
  };
  await options.inject({ client, clock, sink, plan, submissionsTaken: () => clerks.receipts.length, strike });

  const silentUnits = silent(plan);
  // A campaign that never ends is asked why: a history the code cannot replay says it at once.
  const summary = await runToEnd().catch(async (error: unknown) => {
    const replay = await replayCurrentRun(client, campaignWorkflowId(plan.campaign.id)).catch(String);
    throw replay === undefined ? error : new Error(`${String(error)}\n${replay}`);
  });
  expect(summary.status).toBe('completed');
  // The campaign's whole history replays on this code, as a worker starting after a crash would.
  expect(await replayCurrentRun(client, campaignWorkflowId(plan.campaign.id))).toBeUndefined();
  async function runToEnd() {
    // Every submission is taken in the end, however long the outage made the clerk wait.
    await clerks.done;
    expect(clerks.lostReceipts).toEqual([]);

    // The silent units climb both steps for each of their four reports; then the leaders approve.
    await eventually(
      () =>
        Promise.all(
          silentUnits.map((u) =>
            client.workflow
              .getHandle(unitWorkflowId(plan.campaign.id, u.id))
              .query(unitStatusQuery, asOfNow())
              .catch(() => undefined),
          ),
        ),
      (views) =>
        views.every((v) => v !== undefined && v.rows.length === 4 && v.rows.every((r) => r.escalationStep === 2)),
      { what: 'both escalation steps for every report of every silent unit', timeoutMs: 150_000, intervalMs: 500 },
    );
    await eventually(
      () => campaign.query(campaignStatusQuery, asOfNow()).catch(() => undefined),
      (s) => s?.currentPhase?.id === 'accept',
      { what: 'the acceptance phase', timeoutMs: 60_000, intervalMs: 500 },
    );
    await approve(client, plan);
    // The campaign, then every unit, ends only once its mail in flight has gone out: a send lost
    // with a killed worker comes back after the activity's start-to-close timeout (2 minutes).
    return campaign.result();
  }
  const states = new Map<string, UnitState>();
  for (const unit of plan.units) {
    const handle = client.workflow.getHandle<UnitWorkflow>(unitWorkflowId(plan.campaign.id, unit.id));
    states.set(unit.id, await handle.result());
  }
  const endedAt = Date.now();

  // Every receipt a clerk got is in its unit's state, once, exactly as the receipt says.
  const intended = punctual(plan).flatMap((u) => [...DAILY_DUES.map((d) => `${u.id}/daily@${d}`), `${u.id}/summary`]);
  expect(clerks.receipts.map((r) => `${r.unitId}/${r.key}`).sort()).toEqual(intended.sort());
  for (const receipt of clerks.receipts) {
    const state = states.get(receipt.unitId)!;
    const obligation = state.obligations.find((o) => o.key === receipt.key);
    expect(obligation?.state, `${receipt.unitId}/${receipt.key}`).toBe('submitted');
    expect(obligation?.submission?.atMs).toBe(receipt.submittedAtMs);
    const taken = state.log.filter((entry) => entry.key === receipt.key && entry.what.startsWith('submitted'));
    expect(taken, `${receipt.unitId}/${receipt.key} taken once`).toHaveLength(1);
  }
  // Nothing else was submitted anywhere: the silent units have no report at all.
  for (const unit of silentUnits) {
    expect(states.get(unit.id)!.obligations.filter((o) => o.submission !== undefined)).toEqual([]);
  }
  expect(summary.totals.onTime + summary.totals.late).toBe(clerks.receipts.length);

  // Each escalation step once, in the unit and in the campaign's log alike, and never after the report.
  const escalations = [...states.values()].flatMap((s) => s.escalations.map((e) => ({ ...e, unitId: s.unitId })));
  const steps = escalations.map((e) => `${e.unitId}/${e.key}/${e.step}`);
  expect(new Set(steps).size).toBe(steps.length);
  const log = await campaign.query(escalationLogQuery);
  expect(log.map((e) => `${e.unitId}/${e.key}/${e.step}`).sort()).toEqual([...steps].sort());
  for (const state of states.values()) {
    for (const o of state.obligations) {
      const climbed = state.escalations.filter((e) => e.key === o.key).map((e) => e.step);
      // A ladder climbs one rung at a time: a step missing below a later one would be a lost timer.
      expect(climbed, `${state.unitId}/${o.key}`).toEqual(climbed.map((_, i) => i + 1));
      if (silentUnits.some((u) => u.id === state.unitId)) expect(climbed, `${state.unitId}/${o.key}`).toEqual([1, 2]);
    }
    for (const e of state.escalations) {
      const o = state.obligations.find((x) => x.key === e.key);
      if (o?.submission)
        expect(e.atMs, `${state.unitId}/${e.key} step ${e.step}`).toBeLessThanOrEqual(o.submission.atMs);
    }
  }

  // Every mail the workflows asked for reached its recipient once, and nothing else arrived.
  const record = await readCampaignRecord(client, plan);
  expect(record.requestsScheduledTwice).toEqual([]);
  expect(record.updatesAcceptedTwice).toEqual([]);
  // Accepted updates: the clerks' submissions and the one approval, nothing more.
  expect(record.updatesAccepted).toBe(clerks.receipts.length + 1);
  const mine = sink.received.filter((m) => m.campaignId === plan.campaign.id);
  const mail = tallyMail(
    record.expectedMail,
    mine,
    faults.map((f) => f.atMs),
  );
  expect(mail.missing).toEqual([]);
  expect(mail.unexpected).toEqual([]);
  if (mail.doubled.length > 0 || mail.missing.length > 0) {
    console.error(`faults at ${faults.map((f) => `+${f.atMs - started} ms`).join(', ')}`);
    console.error(await explainMail(plan, record, mine, [...mail.doubled, ...mail.missing], options.dataDir, started));
  }
  expect(mail.doubled).toEqual([]);

  return {
    faults,
    submissions: clerks.receipts.length,
    clientRetries: clerks.retries(),
    mail,
    escalations: escalations.length,
    workflowTaskTimeouts: record.workflowTaskTimeouts,
    activitiesOutlivedWorker: record.activitiesOutlivedWorker,
    heartbeatsLapsed: record.heartbeatsLapsed,
    activityRetries: record.activityRetries,
    seconds: Math.round((Date.now() - started) / 1000),
    secondsAfterLastFault: Math.round((endedAt - Math.max(started, ...faults.map((f) => f.atMs))) / 1000),
  };
}

/** What each copy of a doubled or missing mail went through, for a failure message. */
async function explainMail(
  plan: Plan,
  record: Awaited<ReturnType<typeof readCampaignRecord>>,
  received: SunkMail[],
  keys: string[],
  dataDir: string | undefined,
  startedMs: number,
): Promise<string> {
  const log = dataDir ? await readNotificationLog(plan.campaign.id, { dataDir }) : [];
  return keys
    .map((entry) => {
      const [messageId = '', rcpt = ''] = entry.split(' ');
      const expected = record.expectedMail.get(`${messageId} ${rcpt}`);
      const copies = received
        .filter((m) => m.messageId === messageId && m.rcpt.toLowerCase() === rcpt)
        .map((m) => `+${m.receivedAtMs - startedMs} ms`);
      const attempts = log
        .filter((l) => l.messageId === messageId && l.email.toLowerCase() === rcpt)
        .map((l) => `${l.status}@+${Date.parse(l.sentAt) - startedMs} ms${l.error ? ` (${l.error})` : ''}`);
      const retried = expected ? record.retried.get(expected.requestId) : undefined;
      return [
        `${entry}: ${expected?.kind ?? '?'} ${expected?.requestId ?? ''}`,
        `  scheduled +${(expected?.scheduledAtMs ?? startedMs) - startedMs} ms; received ${copies.join(', ') || 'never'}`,
        `  delivery log: ${attempts.join(', ') || 'nothing'}`,
        `  activity: ${retried ? `attempt ${retried.attempt}, last failure: ${retried.lastFailure}` : 'first attempt'}`,
      ].join('\n');
    })
    .join('\n');
}

/** One line per figure, for the test output and the note. */
export function describeOutcome(title: string, outcome: Outcome): string {
  return [
    `${title} (${outcome.seconds} s):`,
    `  faults injected and survived: ${outcome.faults.length}`,
    ...outcome.faults.map(
      (f) => `    ${f.what}: ${f.updatesInFlight} submission(s) and ${f.smtpOpen} SMTP connection(s) in flight`,
    ),
    `  submissions taken: ${outcome.submissions} (each once; ${outcome.clientRetries} resent by clerks after an error)`,
    `  escalation steps: ${outcome.escalations} (each once)`,
    `  mail: ${outcome.mail.expected} expected, ${outcome.mail.delivered} delivered, ${outcome.mail.missing.length} lost, ${outcome.mail.doubled.length} doubled, ${outcome.mail.doubledByCrash.length} doubled in the kill-after-250 window`,
    `  server side: ${outcome.workflowTaskTimeouts} workflow task(s) timed out (worker or server gone), ${outcome.activitiesOutlivedWorker} activit(ies) retried after their worker died (${outcome.heartbeatsLapsed} noticed by heartbeat), ${outcome.activityRetries} activity retr(ies) in all`,
    `  from the last fault to the last workflow's end: ${outcome.secondsAfterLastFault} s`,
  ].join('\n');
}
