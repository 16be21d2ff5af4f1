import { log, setHandler } from '@temporalio/workflow';
import {
  campaignEventSignal,
  ExtendDeadlineInputSchema,
  extendDeadlineUpdate,
  SubmitReportInputSchema,
  submitReportUpdate,
  unitStatusQuery,
  unitTimelineQuery,
} from '../contracts';
import { dueInputToMs } from '../domain/schedule/due-input';
import { applyCampaignEvent } from '../domain/unit/apply-campaign-event';
import { CampaignEventSchema } from '../domain/unit/campaign-events';
import { applyExtension, applySubmission, checkExtension, checkSubmission } from '../domain/unit/submission-rules';
import { unitStatusView } from '../domain/unit/unit-status-view';
import type { AccessGate } from './access-gate';
import type { SealedInbox } from './sealed-inbox';
import { parseOrReject, reject } from './reject';
import type { UnitRun } from './unit-run';
import { setGuardedUpdate } from './validated-update';

/** The unit's deliverables: the campaign's events, submissions, extensions and what the unit owes. */
export function installDeliverableHandlers(run: UnitRun, gate: AccessGate, inbox: SealedInbox): void {
  const { input } = run;
  setHandler(campaignEventSignal, (raw, seal) => {
    // Only the campaign may end, return or pause a unit: anything else is recorded and dropped.
    if (!inbox.accept('campaignEvent', raw, seal)) return;
    const parsed = CampaignEventSchema.safeParse(raw);
    if (!parsed.success) {
      log.warn('ignored a malformed campaign event', { issues: parsed.error.issues.length });
      return;
    }
    run.take(applyCampaignEvent(run.state(), parsed.data, run.now()));
  });

  const submission = (raw: unknown) => {
    const request = parseOrReject(SubmitReportInputSchema, raw);
    const obligation = checkSubmission(run.state(), request, run.now(), input.reportKinds);
    if (!obligation.ok) return reject(obligation.error);
    return { request, obligation: obligation.value };
  };
  setGuardedUpdate(submitReportUpdate, gate, 'submitReport', submission, ({ request, obligation }) => {
    const applied = applySubmission(run.state(), obligation, request, run.now());
    run.take({ state: applied.state, commands: [] });
    return {
      unitId: input.unit.id,
      key: applied.key,
      title: obligation.title,
      submittedAtMs: applied.submission.atMs,
      dueMs: obligation.dueMs,
      onTime: applied.countedLateByMs === 0,
      lateByMs: applied.countedLateByMs,
      thisSubmissionLateByMs: applied.submission.lateByMs,
      returns: obligation.returnedSubmissions.length,
    };
  });

  const extension = (raw: unknown) => {
    const request = parseOrReject(ExtendDeadlineInputSchema, raw);
    const newDueMs = dueInputToMs(request.newDue, input.context.timeZone, input.defaultDueTime);
    const full = { ...request, newDueMs };
    const check = checkExtension(run.state(), full, run.now());
    if (!check.ok) return reject(check.error);
    return { request: full, obligation: check.value };
  };
  setGuardedUpdate(extendDeadlineUpdate, gate, 'extendDeadline', extension, ({ request, obligation }) => {
    run.take(applyExtension(run.state(), obligation, request, run.now()));
    return { key: obligation.key, dueMs: request.newDueMs };
  });

  setHandler(unitStatusQuery, (asOf) => unitStatusView(run.state(), run.asOf(asOf), input.context.timeZone));
  setHandler(unitTimelineQuery, () => run.state().log);
}
