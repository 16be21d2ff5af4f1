import { log, setHandler } from '@temporalio/workflow';
import {
  ActorInputSchema,
  AddUnitInputSchema,
  addUnitUpdate,
  ApprovePhaseInputSchema,
  approvePhaseUpdate,
  CancelInputSchema,
  cancelCampaignUpdate,
  pauseRemindersUpdate,
  resumeRemindersUpdate,
  ReturnPhaseInputSchema,
  returnPhaseUpdate,
  unitProgressSignal,
} from '../contracts';
import { unreconciledCases } from '../domain/campaign/campaign-status';
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
import { recordUnitProgress } from '../domain/campaign/unit-progress-record';
import { dueInputToMs } from '../domain/schedule/due-input';
import { UnitProgressSchema } from '../domain/unit/unit-progress';
import type { CampaignAccessHolder } from './campaign-access';
import type { CampaignRun } from './campaign-run';
import { accepting, setGuardedUpdate } from './validated-update';

const receipt = (message: string) => ({ ok: true as const, message });

/** The leading group's updates: a phase approved, or returned to some of its units. */
export function installLeaderActions(run: CampaignRun, { gate }: CampaignAccessHolder): void {
  const { plan } = run;
  const dueMs = (text: string) => dueInputToMs(text, plan.campaign.timeZone, plan.campaign.defaultDueTime);
  setGuardedUpdate(
    approvePhaseUpdate,
    gate,
    'approvePhase',
    accepting(ApprovePhaseInputSchema, (request) => {
      const pending = unreconciledCases(run.state());
      return checkApprovePhase(plan, run.state(), request, pending.cases, pending.total);
    }),
    (request) => {
      const outcome = approvePhase(plan, run.state(), request, run.now());
      run.take(outcome);
      return receipt(outcome.message ?? `phase ${request.phaseId} approved`);
    },
  );
  setGuardedUpdate(
    returnPhaseUpdate,
    gate,
    'returnPhase',
    accepting(
      ReturnPhaseInputSchema,
      (request: ReturnPhaseRequest) => checkReturnPhase(plan, run.state(), request, run.now()),
      (parsed) => ({ ...parsed, newDueMs: dueMs(parsed.newDue) }),
    ),
    (request) => {
      run.take(returnPhase(run.state(), request, run.now()));
      return receipt(`phase ${request.phaseId} returned to ${request.units.join(', ')}`);
    },
  );
}

/** The office's updates: a unit added, reminders paused or resumed, the campaign cancelled. */
export function installOfficeActions(run: CampaignRun, holder: CampaignAccessHolder): void {
  const { plan } = run;
  setGuardedUpdate(
    addUnitUpdate,
    holder.gate,
    'addUnit',
    accepting(AddUnitInputSchema, (request) =>
      checkAddUnit(plan, run.state(), request.unit, {
        campaign: holder.access() !== undefined,
        unit: request.access !== undefined,
      }),
    ),
    (request) => {
      if (request.access) holder.addUnit(request.unit.id, request.access);
      run.take(addUnit(plan, run.state(), request.unit, request.by, run.now()));
      return receipt(`unit ${request.unit.id} added`);
    },
  );
  for (const [update, pause] of [
    [pauseRemindersUpdate, true],
    [resumeRemindersUpdate, false],
  ] as const) {
    setGuardedUpdate(
      update,
      holder.gate,
      pause ? 'pauseReminders' : 'resumeReminders',
      accepting(ActorInputSchema, () => checkPause(run.state(), pause)),
      (request) => {
        run.take(setPaused(run.state(), pause, request.by, run.now()));
        return receipt(pause ? 'reminders paused' : 'reminders resumed');
      },
    );
  }
  setGuardedUpdate(
    cancelCampaignUpdate,
    holder.gate,
    'cancelCampaign',
    accepting(CancelInputSchema, (request) => checkCancel(run.state(), request.reason)),
    (request) => {
      run.take(cancelCampaign(run.state(), request.reason, request.by, run.now()));
      return receipt('campaign cancelled; the units are being told');
    },
  );
}

/** Each unit's compact progress, signalled by its workflow whenever what the campaign counts changes. */
export function installProgressSignal(run: CampaignRun, { inbox }: CampaignAccessHolder): void {
  setHandler(unitProgressSignal, (progress, seal) => {
    const sealed = inbox.accept('unitProgress', progress, seal);
    if (!sealed) return;
    const parsed = UnitProgressSchema.safeParse(progress);
    // A unit speaks only for itself; the seal says which unit sent it.
    if (parsed.success && parsed.data.unitId === sealed.from)
      run.take({ state: recordUnitProgress(run.state(), parsed.data), commands: [] });
    else log.warn('progress signal dropped', { field: parsed.error?.issues[0]?.path.join('.') ?? 'unitId' });
  });
}
