import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { accessQuery, auditLogQuery, notificationContextOf } from '../contracts';
import {
  receptionProgrammeQuery,
  type ReceptionProgrammeInput,
  type ReceptionProgrammeResult,
} from '../contracts/receptions';
import { appendAudit, emptyAuditLog, type AuditLog } from '../domain/access/audit-log';
import { depthsOf, type AccessRegistry } from '../domain/access/credential-chain';
import { planNow, realDelayUntil } from '../domain/clock/plan-clock';
import { alarmsBetween, nextAlarmAfter, programmeAlarms } from '../domain/receptions/alarms';
import { initialProgrammeState, type ReceptionProgrammeState } from '../domain/receptions/register-schema';
import { programmeRota } from '../domain/receptions/rota';
import { createAccessGate } from './access-gate';
import { createNotifier } from './notifier';
import { climbHeldLadder, heldCaseStates, heldCount, nextHeldLadderMs } from './reception-held-cases';
import { alarmOutcome, summaryCases } from './reception-notices';
import { registerReceptionHandlers } from './reception-handlers';
import { registerPauseHandlers } from './reception-pause';
import { programmeView } from './reception-view';

import type { CampaignActivities } from '../activities/activity-types';

const readCases = proxyActivities<Pick<CampaignActivities, 'receptionCaseStates'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

/**
 * One reception programme (领导接访日) for its whole span: tells the leader on duty in advance and
 * on the day, keeps the register, reports a reception nobody recorded by the end of its day, and
 * mails the weekly summary and the monthly notice.
 *
 * Why timers in a long-lived workflow, not a Temporal Schedule: a Schedule fires on a cron-like
 * spec, but 遇节假日顺延 moves each date by the plan's holiday calendar (a 1st inside the National
 * Day holiday is held on 10/8; a make-up Saturday is a working day), which no cron spec says; the
 * rota is computed from the plan instead, and each timer sleeps to the next computed moment. The
 * register, the substitutions and the misses of a whole year live in this one workflow's state, so
 * a monthly notice counts them without reading anything else, and a substitution changes who the
 * next notice goes to at once. Durable timers survive worker and server restarts across months just
 * as a Schedule would. A Schedule's pause is matched by pause intervals in the state (暂停、恢复,
 * reception-pause.ts): the timers keep their schedule and each alarm asks whether its instant
 * fell in a pause, which holds across restarts and continue-as-new as a Schedule's pause would. The history stays bounded: a year of 24
 * receptions is a few hundred events, and when Temporal suggests it the workflow continues as new
 * with its state and any mail still retrying, the alarms being recomputed from the plan.
 */
export async function receptionProgrammeWorkflow(input: ReceptionProgrammeInput): Promise<ReceptionProgrammeResult> {
  const { plan, clock } = input;
  const info = workflowInfo();
  const programme = (plan.receptions ?? []).find((p) => p.id === input.programmeId);
  if (!programme) return { held: 0, missed: 0 };
  const ctx = { plan, programme, rota: programmeRota(plan, programme) };
  const alarms = programmeAlarms(ctx);
  const now = () => planNow(clock, Date.now());
  let state = input.carried?.state ?? initialProgrammeState(now());
  let access: AccessRegistry | undefined = input.access;
  let audit: AuditLog = emptyAuditLog();
  const context = notificationContextOf(plan, clock);
  const notifier = createNotifier(context, info.workflowId);
  notifier.resume(input.carried?.mail);
  const gate = createAccessGate({
    registry: () => access,
    setRegistry: (registry) => (access = registry),
    record: (entry) => (audit = appendAudit(audit, [{ ...entry, workflow: `receptions:${programme.id}` }])),
    now,
  });

  setHandler(accessQuery, () => (access ? depthsOf(access) : null));
  setHandler(auditLogQuery, () => audit);
  setHandler(receptionProgrammeQuery, (filter) => programmeView(ctx, state, filter, clock, now()));
  const host = {
    ctx,
    gate,
    notifier,
    unitsRun: input.unitsRun,
    state: () => state,
    setState: (next: ReceptionProgrammeState) => (state = next),
    now,
  };
  registerReceptionHandlers(host);
  registerPauseHandlers(host);

  for (;;) {
    const next = nextAlarmAfter(alarms, state.handledUpToMs);
    const ladderAt = nextHeldLadderMs(plan, state);
    const wakeAt = Math.min(next?.atMs ?? Infinity, ladderAt ?? Infinity);
    if (wakeAt === Infinity) break;
    // A case handed over meanwhile may be due before the timer: its arrival wakes the loop.
    const held = heldCount(state);
    await condition(() => heldCount(state) !== held, Math.max(1, realDelayUntil(clock, Date.now(), wakeAt)));
    climbHeldLadder(host, now());
    if (!next || now() < next.atMs) continue;
    const upto = Math.max(now(), next.atMs);
    for (const alarm of alarmsBetween(alarms, state.handledUpToMs, upto)) {
      const cases = input.unitsRun ? summaryCases(ctx, state, alarm) : [];
      // A summary says where each handed-over case stands; without an answer it names them only.
      const caseStates = !input.unitsRun
        ? heldCaseStates(state)
        : cases.length === 0
          ? {}
          : await readCases.receptionCaseStates({ campaignId: plan.campaign.id, cases }).catch(() => ({}));
      const outcome = alarmOutcome(ctx, state, alarm, caseStates);
      state = outcome.state;
      notifier.dispatchAll(outcome.commands);
    }
    state = { ...state, handledUpToMs: upto };
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => allHandlersFinished() && notifier.inflightBesidesMail() === 0);
      await continueAsNew<typeof receptionProgrammeWorkflow>({
        ...input,
        access,
        carried: { state, mail: notifier.carry() },
      });
    }
  }
  await condition(() => allHandlersFinished() && notifier.inflight() === 0);
  return { held: Object.keys(state.records).length, missed: Object.keys(state.missed).length };
}
