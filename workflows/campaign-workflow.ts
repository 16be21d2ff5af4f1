import {
  allHandlersFinished,
  condition,
  makeContinueAsNewFunc,
  log,
  ParentClosePolicy,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { caseLedgerContextFromPlan } from '../domain/cases/ledger-context';
import type { CampaignCommand } from '../domain/campaign/campaign-commands';
import { initialCampaignState } from '../domain/campaign/campaign-state';
import {
  campaignStatus,
  escalationLog,
  unreconciledCases,
  upcomingDeadlines,
} from '../domain/campaign/campaign-status';
import { publishedStatus } from '../domain/campaign/published-status';
import {
  approvePhase,
  checkApprovePhase,
  checkReturnPhase,
  returnPhase,
  type ReturnPhaseRequest,
} from '../domain/campaign/leader-actions';
import {
  addUnit,
  cancelCampaign,
  checkAddUnit,
  checkCancel,
  checkPause,
  setPaused,
} from '../domain/campaign/office-actions';
import { advanceCampaign, nextCampaignWakeMs } from '../domain/campaign/phase-progression';
import { roster } from '../domain/campaign/roster';
import type { ActionOutcome } from '../domain/campaign/rule-result';
import { recordUnitProgress } from '../domain/campaign/unit-progress-record';
import { UnitProgressSchema } from '../domain/unit/unit-progress';
import { planTimeAsOf } from '../domain/clock/as-of';
import { isRehearsal, planNow, realDelayUntil } from '../domain/clock/plan-clock';
import { appendAudit, AuditEntrySchema, emptyAuditLog } from '../domain/access/audit-log';
import { depthsOf } from '../domain/access/credential-chain';
import { dueInputToMs } from '../domain/schedule/due-input';
import { fanout } from './activity-proxies';
import {
  AddUnitInputSchema,
  addUnitUpdate,
  ActorInputSchema,
  ApprovePhaseInputSchema,
  approvePhaseUpdate,
  campaignInfoQuery,
  campaignStatusQuery,
  CancelInputSchema,
  cancelCampaignUpdate,
  escalationLogQuery,
  overdueQuery,
  pauseRemindersUpdate,
  resumeRemindersUpdate,
  ReturnPhaseInputSchema,
  returnPhaseUpdate,
  rosterQuery,
  unitSetupQuery,
  timelineQuery,
  unitProgressSignal,
  accessAuditSignal,
  accessQuery,
  auditLogQuery,
  type CampaignSummary,
  type UnitSetup,
  phaseReportWorkflowId,
  WORKFLOW_TASK_TIMEOUT,
  type CampaignWorkflowInput,
  type NotificationContext,
} from '../contracts';
import { createNotifier } from './notifier';
import { createAccessGate } from './access-gate';
import { accepting, setGuardedUpdate } from './validated-update';
import { campaignHistoryFull } from './history-budget';
import { phaseReportWorkflow } from './phase-report-workflow';
import { publishAndMail } from './report-mail';
import { startStatusPublisher } from './status-publisher';

/**
 * The campaign workflow runs the plan's phases and gates and holds a compact picture of every
 * unit; each unit's deliverables live in its own unit workflow (see unit-workflow.ts). Every rule
 * is in domain/: this function only turns the rules' commands into timers, messages and activities.
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignSummary> {
  const { plan, clock } = input;
  const info = workflowInfo();
  let state = input.carried ?? initialCampaignState(plan.phases, planNow(clock, Date.now()));
  const queue: CampaignCommand[] = [];
  const now = () => planNow(clock, Date.now());
  const context: NotificationContext = {
    campaignWorkflowId: info.workflowId,
    campaignId: plan.campaign.id,
    campaignTitle: plan.campaign.title,
    rehearsal: isRehearsal(clock),
    locale: plan.campaign.locale,
    timeZone: plan.campaign.timeZone,
    office: plan.office,
    leadingGroup: plan.leadingGroup,
  };
  const notifier = createNotifier(context, info.workflowId);
  // Mail still retrying when the last run's history was full goes on here.
  notifier.resume(input.carriedMail);
  const take = (outcome: ActionOutcome) => {
    state = outcome.state;
    queue.push(...outcome.commands);
  };
  const receipt = (message: string) => ({ ok: true as const, message });
  const dueMs = (text: string) => dueInputToMs(text, plan.campaign.timeZone, plan.campaign.defaultDueTime);

  // Chain ends change with every credentialed action; both are carried across continue-as-new.
  let access = input.access;
  let audit = input.carriedAudit ?? emptyAuditLog();
  const record = (entries: unknown[]) => {
    const valid = entries.flatMap((e) => {
      const parsed = AuditEntrySchema.safeParse(e);
      return parsed.success ? [parsed.data] : [];
    });
    if (valid.length > 0) audit = appendAudit(audit, valid);
  };
  const gate = createAccessGate({
    registry: () => access?.campaign,
    setRegistry: (registry) => {
      if (access) access = { ...access, campaign: registry };
    },
    record: (entry) => record([entry]),
    now,
  });
  setHandler(accessAuditSignal, (entries) => {
    if (Array.isArray(entries)) record(entries.slice(0, 100));
  });
  setHandler(accessQuery, () => (access ? depthsOf(access.campaign) : null));
  setHandler(auditLogQuery, () => audit);

  setHandler(unitProgressSignal, (progress) => {
    const parsed = UnitProgressSchema.safeParse(progress);
    if (parsed.success) state = recordUnitProgress(state, parsed.data);
    else log.warn('progress signal dropped', { field: parsed.error.issues[0]?.path.join('.') });
  });

  setGuardedUpdate(
    approvePhaseUpdate,
    gate,
    'approvePhase',
    accepting(ApprovePhaseInputSchema, (request) => {
      const pending = unreconciledCases(state);
      return checkApprovePhase(plan, state, request, pending.cases, pending.total);
    }),
    (request) => {
      take(approvePhase(state, request, now()));
      return receipt(`phase ${request.phaseId} approved`);
    },
  );
  setGuardedUpdate(
    returnPhaseUpdate,
    gate,
    'returnPhase',
    accepting(
      ReturnPhaseInputSchema,
      (request: ReturnPhaseRequest) => checkReturnPhase(plan, state, request, now()),
      (parsed) => ({ ...parsed, newDueMs: dueMs(parsed.newDue) }),
    ),
    (request) => {
      take(returnPhase(state, request, now()));
      return receipt(`phase ${request.phaseId} returned to ${request.units.join(', ')}`);
    },
  );
  setGuardedUpdate(
    addUnitUpdate,
    gate,
    'addUnit',
    accepting(AddUnitInputSchema, (request) => {
      // Under credentials a unit needs its chains from the start, or no one could act for it.
      if (access && request.access === undefined) {
        return {
          ok: false,
          error: {
            code: 'credentials_required',
            message:
              'this campaign runs with credentials: add the unit with `campaign add-unit`, which issues its credential',
          },
        };
      }
      return checkAddUnit(plan, state, request.unit);
    }),
    (request) => {
      if (access && request.access)
        access = { ...access, units: { ...access.units, [request.unit.id]: request.access } };
      take(addUnit(plan, state, request.unit, request.by, now()));
      queue.unshift({
        type: 'broadcast',
        units: [request.unit.id],
        start: true,
        event: { type: 'paused', seq: 0, by: request.by },
      });
      return receipt(`unit ${request.unit.id} added`);
    },
  );
  for (const [update, pause] of [
    [pauseRemindersUpdate, true],
    [resumeRemindersUpdate, false],
  ] as const) {
    setGuardedUpdate(
      update,
      gate,
      pause ? 'pauseReminders' : 'resumeReminders',
      accepting(ActorInputSchema, () => checkPause(state, pause)),
      (request) => {
        take(setPaused(state, pause, request.by, now()));
        return receipt(pause ? 'reminders paused' : 'reminders resumed');
      },
    );
  }
  setGuardedUpdate(
    cancelCampaignUpdate,
    gate,
    'cancelCampaign',
    accepting(CancelInputSchema, (request) => checkCancel(state, request.reason)),
    (request) => {
      take(cancelCampaign(state, request.reason, request.by, now()));
      return receipt('campaign cancelled; the units are being told');
    },
  );

  setHandler(campaignStatusQuery, (asOf) => ({
    ...campaignStatus(plan, state, planTimeAsOf(clock, Date.now(), asOf)),
    rehearsal: context.rehearsal,
  }));
  setHandler(overdueQuery, (asOf) => campaignStatus(plan, state, planTimeAsOf(clock, Date.now(), asOf)).overdue);
  setHandler(escalationLogQuery, () => escalationLog(state));
  setHandler(timelineQuery, () => state.timeline);
  setHandler(rosterQuery, () => roster(plan, state));
  const unitBase = (): UnitSetup['base'] => ({
    context,
    clock,
    reportKinds: plan.reportKinds,
    defaultDueTime: plan.campaign.defaultDueTime,
    // The roster, not plan.units: a unit added mid-campaign must be able to own and receive cases.
    ledgerContext: {
      ...caseLedgerContextFromPlan(plan),
      units: roster(plan, state).map((u) => ({ id: u.id, name: u.name })),
    },
  });
  setHandler(unitSetupQuery, () => ({ base: unitBase(), units: roster(plan, state), access: access?.units }));
  setHandler(campaignInfoQuery, () => ({
    campaignId: plan.campaign.id,
    title: plan.campaign.title,
    rehearsal: context.rehearsal,
    scale: clock.scale,
    timeZone: plan.campaign.timeZone,
    taskQueue: info.taskQueue,
    startedBy: input.startedBy,
  }));

  const publisher = startStatusPublisher(
    () => state,
    () => {
      const nowMs = now();
      return publishedStatus(
        campaignStatus(plan, state, nowMs),
        clock,
        context.rehearsal,
        upcomingDeadlines(plan, state, nowMs),
      );
    },
  );

  const reportsOfThisRun: Promise<unknown>[] = [];
  const execute = async (command: CampaignCommand) => {
    switch (command.type) {
      case 'broadcast': {
        const units = roster(plan, state);
        const unitIds = command.units === 'all' ? units.map((u) => u.id) : command.units;
        const start = command.start
          ? {
              base: unitBase(),
              units: units.filter((u) => unitIds.includes(u.id)),
              access:
                access &&
                Object.fromEntries(unitIds.flatMap((id) => (access?.units[id] ? [[id, access.units[id]]] : []))),
            }
          : undefined;
        await fanout.broadcastToUnits({
          campaignId: plan.campaign.id,
          taskQueue: input.unitTaskQueue ?? info.taskQueue,
          unitIds,
          event: command.event,
          start,
        });
        return;
      }
      case 'notify':
        notifier.dispatch(command);
        return;
      case 'phase-report': {
        // A phase report reads every unit; the next phase must not wait for it, and continue-as-new
        // waits only for its start.
        const request = { campaignWorkflowId: info.workflowId, scope: 'phase' as const, phaseId: command.phaseId };
        const started = startChild(phaseReportWorkflow, {
          workflowId: phaseReportWorkflowId(info.workflowId, command.phaseId),
          args: [{ request, context }],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
        });
        notifier.track(started, `phase report ${command.phaseId}`);
        // The campaign's last run finishes after its reports: the summary comes after the last phase's.
        reportsOfThisRun.push(started.then((report) => report.result()).catch(() => undefined));
        return;
      }
      case 'final-report':
        // The summary is worth waiting for, but a report that cannot be compiled must not fail the campaign.
        await publishAndMail({ campaignWorkflowId: info.workflowId, scope: 'campaign' }, notifier).catch(
          (err: unknown) => log.error('final report failed', { error: String(err) }),
        );
        return;
    }
  };

  if (!input.carried) {
    // Every unit workflow exists from the start, so a unit can ask what it owes before phase one.
    // The event carries number 0, which every unit ignores: it only creates the workflows.
    await execute({
      type: 'broadcast',
      units: 'all',
      start: true,
      event: { type: 'paused', seq: 0, by: input.startedBy },
    });
  }
  for (;;) {
    take(advanceCampaign(plan, state, now()));
    const ranCommands = queue.length > 0;
    while (queue.length > 0) await execute(queue.shift()!);
    if (state.status !== 'running') break;
    // A leader may act while commands run (the last phase approved during a broadcast): the state
    // then changed after it was advanced, and sleeping now would never finish the campaign.
    if (ranCommands) continue;
    if (campaignHistoryFull()) {
      await condition(() => allHandlersFinished() && notifier.inflightBesidesMail() === 0);
      // An update taken while waiting may have queued commands; run them before continuing as new.
      if (queue.length === 0) {
        const carriedMail = notifier.carry();
        // The server starts the new run with the memo the campaign started with, not the status it
        // published since: the new run takes the latest along, so a glance never finds none.
        publisher.flush();
        await makeContinueAsNewFunc<typeof campaignWorkflow>({ memo: workflowInfo().memo })({
          ...input,
          access,
          carried: state,
          carriedAudit: audit,
          carriedMail,
        });
      }
      continue;
    }
    const next = nextCampaignWakeMs(plan, state);
    // Progress signals do not wake this loop otherwise, and a campaign asleep until its next
    // deadline would let its history grow far past the server's suggestion.
    const wake = () => queue.length > 0 || state.status !== 'running' || campaignHistoryFull();
    if (next === undefined) await condition(wake);
    else await condition(wake, Math.max(1, realDelayUntil(clock, Date.now(), next)));
  }
  await Promise.all(reportsOfThisRun);
  await condition(() => allHandlersFinished() && notifier.inflight() === 0);
  publisher.flush();
  const summary = campaignStatus(plan, state, now());
  return {
    campaignId: plan.campaign.id,
    status: state.status,
    rehearsal: context.rehearsal,
    completedAtMs: state.completedAtMs ?? state.cancelled?.atMs,
    totals: summary.totals,
    accountabilityMarks: summary.accountabilityMarks,
  };
}
