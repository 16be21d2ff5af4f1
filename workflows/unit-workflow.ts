import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { AuditEntry } from '../domain/access/audit-log';
import { depthsOf } from '../domain/access/credential-chain';
import { fireCaseEscalations, nextCaseEscalationMs } from '../domain/cases/case-escalation';
import type { CaseCommand } from '../domain/cases/case-notices';
import type { CaseLedgerContext } from '../domain/cases/case-schema';
import { planTimeAsOf } from '../domain/clock/as-of';
import { planNow, realDelayUntil } from '../domain/clock/plan-clock';
import { dueInputToMs } from '../domain/schedule/due-input';
import { applyCampaignEvent } from '../domain/unit/apply-campaign-event';
import { CampaignEventSchema } from '../domain/unit/campaign-events';
import { fireDueAlerts, nextAlertMs } from '../domain/unit/fire-alerts';
import { applyExtension, applySubmission, checkExtension, checkSubmission } from '../domain/unit/submission-rules';
import type { UnitCommand } from '../domain/unit/unit-commands';
import { nextProgressVersion, unitProgress, type UnitProgress } from '../domain/unit/unit-progress';
import { unitStatusView } from '../domain/unit/unit-status-view';
import { initialUnitState, type UnitState } from '../domain/unit/unit-state';
import {
  accessAuditSignal,
  accessQuery,
  campaignEventSignal,
  ExtendDeadlineInputSchema,
  extendDeadlineUpdate,
  SubmitReportInputSchema,
  submitReportUpdate,
  unitProgressSignal,
  unitStatusQuery,
  unitTimelineQuery,
  type UnitWorkflowInput,
} from '../contracts';
import { createAccessGate } from './access-gate';
import { createAlarm } from './alarm';
import { createNotifier } from './notifier';
import { setGuardedUpdate } from './validated-update';
import { parseOrReject, reject } from './reject';
import { caseNotification, installLedgerHandlers } from './unit-ledger';

/**
 * One workflow per unit owns that unit's deliverables: its submissions, reminders and escalation
 * ladder. Spreading units over their own workflows keeps every history small and lets a thousand
 * units submit at once without meeting the per-workflow limit on updates in flight.
 */
export async function unitWorkflow(input: UnitWorkflowInput): Promise<UnitState> {
  const { context, clock, unit } = input;
  let state = input.carried?.state ?? initialUnitState(unit.id, unit.name, unitLedgerContext(input));
  let progressVersion = input.carried?.progressVersion ?? 0;
  // Every run reports once at its start: it may have been continued as new with a change unreported.
  let progressDirty = true;
  const pending: UnitCommand[] = [];
  const casePending: CaseCommand[] = [];
  const notifier = createNotifier(context, workflowInfo().workflowId, unit);
  // Mail still retrying when the last run's history was full goes on here.
  notifier.resume(input.carried?.mail);
  const now = () => planNow(clock, Date.now());

  const take = (outcome: { state: UnitState; commands: UnitCommand[] }) => {
    state = outcome.state;
    pending.push(...outcome.commands);
    progressDirty = true;
  };

  setHandler(campaignEventSignal, (raw) => {
    const parsed = CampaignEventSchema.safeParse(raw);
    if (!parsed.success) {
      log.warn('ignored a malformed campaign event', { issues: parsed.error.issues.length });
      return;
    }
    take(applyCampaignEvent(state, parsed.data, now()));
  });

  // Chain ends change with every credentialed action; carried across continue-as-new.
  let access = input.access;
  const auditOut: AuditEntry[] = [];
  const gate = createAccessGate({
    registry: () => access,
    setRegistry: (registry) => (access = registry),
    unitId: unit.id,
    record: (entry) => auditOut.push(entry),
    now,
  });
  setHandler(accessQuery, () => (access ? depthsOf(access) : null));

  const submission = (raw: unknown) => {
    const request = parseOrReject(SubmitReportInputSchema, raw);
    const obligation = checkSubmission(state, request, now(), input.reportKinds);
    if (!obligation.ok) return reject(obligation.error);
    return { request, obligation: obligation.value };
  };
  setGuardedUpdate(submitReportUpdate, gate, 'submitReport', submission, ({ request, obligation }) => {
    const applied = applySubmission(state, obligation, request, now());
    take({ state: applied.state, commands: [] });
    return {
      unitId: unit.id,
      key: applied.key,
      title: obligation.title,
      submittedAtMs: applied.submission.atMs,
      dueMs: obligation.dueMs,
      onTime: applied.submission.lateByMs === 0,
      lateByMs: applied.submission.lateByMs,
    };
  });

  const extension = (raw: unknown) => {
    const request = parseOrReject(ExtendDeadlineInputSchema, raw);
    const newDueMs = dueInputToMs(request.newDue, context.timeZone, input.defaultDueTime);
    const full = { ...request, newDueMs };
    const check = checkExtension(state, full, now());
    if (!check.ok) return reject(check.error);
    return { request: full, obligation: check.value };
  };
  setGuardedUpdate(extendDeadlineUpdate, gate, 'extendDeadline', extension, ({ request, obligation }) => {
    take({ state: applyExtension(state, obligation, request, now()), commands: [] });
    pending.push({
      type: 'notify',
      eventKey: `extended:${obligation.key}:${request.newDueMs}`,
      atMs: now(),
      audience: ['unit-contact', 'unit-head'],
      body: {
        kind: 'deadline_extended',
        unitId: unit.id,
        unitName: unit.name,
        phaseId: obligation.phaseId,
        phaseName: obligation.phaseName,
        deliverableId: obligation.deliverableId,
        deliverableTitle: obligation.title,
        dueAt: new Date(request.newDueMs).toISOString(),
        reason: request.reason,
      },
    });
    return { key: obligation.key, dueMs: request.newDueMs };
  });

  setHandler(unitStatusQuery, (asOf) => unitStatusView(state, planTimeAsOf(clock, Date.now(), asOf), context.timeZone));
  setHandler(unitTimelineQuery, () => state.log);
  installLedgerHandlers({
    unit,
    gate,
    campaignId: context.campaignId,
    state: () => state,
    apply: (next, commands) => {
      state = next;
      casePending.push(...commands);
      progressDirty = true;
    },
    now,
    asOf: (asOf) => planTimeAsOf(clock, Date.now(), asOf),
  });

  const campaign = getExternalWorkflowHandle(context.campaignWorkflowId);
  // Not carried across continue-as-new: a new run reports once, whatever the last run sent.
  const progressReported = lastReported();
  const alarm = createAlarm();
  for (;;) {
    const fired = fireDueAlerts(state, now());
    state = fired.state;
    if (fired.commands.length > 0) take(fired);
    // The case ladder climbs even while reminders are paused: a pause is about deliverables.
    const ladder = fireCaseEscalations(state.ledger, now());
    if (ladder.commands.length > 0) {
      state = { ...state, ledger: ladder.ledger };
      casePending.push(...ladder.commands);
      progressDirty = true;
    }
    if (pending.length > 0 || casePending.length > 0) {
      notifier.dispatchAll([...pending.splice(0), ...casePending.splice(0).map(caseNotification)]);
    }
    if (auditOut.length > 0) {
      try {
        await campaign.signal(accessAuditSignal, auditOut.splice(0));
      } catch (err) {
        log.warn('campaign did not take audit entries', { error: String(err) });
      }
    }
    if (progressDirty) {
      progressDirty = false;
      const progress = unitProgress(state, now(), nextProgressVersion(progressVersion, Date.now()));
      // Most campaign events (an approval, a pause) change nothing the campaign counts; a report
      // the campaign already has would cost both histories a signal and the unit a workflow task.
      if (progressReported.isNew(progress)) {
        progressVersion = progress.version;
        try {
          await campaign.signal(unitProgressSignal, progress);
        } catch (err) {
          // The campaign may already have finished; the unit's own record is still complete.
          log.info('campaign did not take progress', { error: String(err) });
        }
      }
    }
    if (state.ended && pending.length === 0 && casePending.length === 0) break;
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => allHandlersFinished() && notifier.inflightBesidesMail() === 0);
      // A message taken while waiting has work to finish first; continue as new on a later pass.
      if (pending.length === 0 && casePending.length === 0 && !progressDirty) {
        const mail = notifier.carry();
        await continueAsNew<typeof unitWorkflow>({ ...input, access, carried: { state, progressVersion, mail } });
      }
      continue;
    }
    const next = earliest(nextAlertMs(state), nextCaseEscalationMs(state.ledger));
    const wake = () =>
      pending.length > 0 || casePending.length > 0 || auditOut.length > 0 || progressDirty || state.ended;
    // A timer of 0 ms is no timer at all; an alert already due is handled on the next pass.
    const delayMs = next === undefined ? 0 : Math.max(1, realDelayUntil(clock, Date.now(), next));
    alarm.set(next, delayMs);
    await condition(() => wake() || alarm.rang());
  }
  await condition(() => allHandlersFinished() && notifier.inflight() === 0);
  return state;
}

/**
 * Ledger-numbered cases carry their unit's id (town-a-0001), so a case transferred to another unit
 * never meets a case of the same number there. An id too long for that keeps the plain numbering.
 */
function unitLedgerContext(input: UnitWorkflowInput): CaseLedgerContext {
  const prefix = `${input.unit.id}`;
  return prefix.length <= 58 ? { ...input.ledgerContext, idPrefix: prefix } : input.ledgerContext;
}

/** The last progress report sent, to tell whether another would say anything new. */
function lastReported() {
  let last: string | undefined;
  return {
    /** Whether `progress` says something the last report did not; it is the last report from now on. */
    isNew: (progress: UnitProgress) => {
      const content = JSON.stringify({ ...progress, version: 0 });
      const isNew = content !== last;
      last = content;
      return isNew;
    },
  };
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}
