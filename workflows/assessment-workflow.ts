import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CampaignActivities } from '../activities/activity-types';
import { accessQuery, auditLogQuery, notificationContextOf } from '../contracts';
import type { AssessmentStanding, AssessmentWorkflowInput } from '../contracts/assessment';
import { appendAudit, emptyAuditLog, type AuditEntry, type AuditLog } from '../domain/access/audit-log';
import { depthsOf, type AccessRegistry } from '../domain/access/credential-chain';
import {
  assessmentAlarms,
  assessmentAlarmsBetween,
  nextAssessmentAlarm,
  scoringDueMs,
  type AssessmentAlarm,
} from '../domain/assessment/assessment-alarms';
import { assessmentModel } from '../domain/assessment/assessment-model';
import type { AssessmentResult } from '../domain/assessment/result-schema';
import { initialScoring, scoringWindow, type ScoringState } from '../domain/assessment/scoring-session';
import { isRehearsal, planNow, realDelayUntil } from '../domain/clock/plan-clock';
import { alarmSilenced, assessmentCancelled } from '../domain/assessment/campaign-course';
import { createAccessGate } from './access-gate';
import { installCampaignCourse } from './assessment-course';
import { campaignReads, registerAssessmentHandlers } from './assessment-handlers';
import { assessmentAlarmCommands, publishedCommand, rankingNoticeCommand } from './assessment-notices';
import { createNotifier } from './notifier';

const reports = proxyActivities<Pick<CampaignActivities, 'publishAssessmentReport'>>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/**
 * A campaign's assessment (考核评比), durable: assessors send their scores (each only as themself
 * when the campaign has credentials), reminders go to those still owing before the deadline and
 * the plan's ladder escalates after it, the office closes scoring (with the campaign's own facts
 * about each unit: reports late or missing, 办结率, notices, accountability marks), an approving
 * leader approves, and then the result is published: a report (MD/HTML/CSV) is stored and mailed,
 * and each unit may read its own line. Periodic ranking notices (排名通报) go out while the
 * campaign runs. Timers sleep to the next moment computed from the plan; every rule is in
 * domain/assessment. The workflow ends once the result is published and its last alarm is past.
 */
export async function assessmentWorkflow(input: AssessmentWorkflowInput): Promise<AssessmentResult | undefined> {
  const { plan, clock } = input;
  if (!plan.assessment) return undefined;
  const model = assessmentModel({ ...plan, assessment: plan.assessment });
  const now = () => planNow(clock, Date.now());
  const dueMs = scoringDueMs(plan);
  const alarms = assessmentAlarms(plan);
  let state: ScoringState = initialScoring();
  let files: AssessmentStanding['files'];
  let access: AccessRegistry | undefined = input.access;
  let audit: AuditLog = emptyAuditLog();
  const notifier = createNotifier(notificationContextOf(plan, clock), `campaign:${plan.campaign.id}:assessment`);
  const record = (entry: AuditEntry) => (audit = appendAudit(audit, [{ ...entry, workflow: 'assessment' }]));
  const gate = createAccessGate({
    registry: () => access,
    setRegistry: (registry) => (access = registry),
    record,
    now,
  });
  const course = installCampaignCourse({ key: input.messageKey, record, now });
  const unitIds = plan.units.map((u) => u.id);
  const readFacts = () => campaignReads.assessmentFacts({ campaignId: plan.campaign.id, unitIds });

  const publish = () => {
    const { result, approvedBy: approverId = '' } = state;
    if (!result) return;
    // Published under the approving leader's name (孙局长), as the plan gives it.
    const approvedBy = model.assessors.get(approverId) ?? approverId;
    const stored = reports
      .publishAssessmentReport({ campaignId: plan.campaign.id, result, approvedBy, rehearsal: isRehearsal(clock) })
      .then((published) => published.files)
      // Without its files the result is still published and mailed; the office can compile them again.
      .catch(() => []);
    notifier.track(
      stored.then((stored) => {
        files = stored;
        notifier.dispatch(
          publishedCommand(
            plan,
            model,
            { result, approvedBy, files: stored, atMs: now() },
            Boolean(input.campaignAttached),
          ),
        );
      }),
      'assessment publication',
    );
  };

  setHandler(accessQuery, () => (access ? depthsOf(access) : null));
  setHandler(auditLogQuery, () => audit);
  registerAssessmentHandlers({
    model,
    gate,
    window: scoringWindow(plan),
    campaignFacts: input.campaignAttached ? readFacts : undefined,
    state: () => state,
    setState: (next) => (state = next),
    files: () => files,
    onPublished: publish,
    closed: () => assessmentCancelled(course()),
    now,
  });

  const fire = async (alarm: AssessmentAlarm) => {
    if (alarmSilenced(course(), alarm)) return;
    if (alarm.kind !== 'ranking') {
      if (dueMs !== undefined) notifier.dispatchAll(assessmentAlarmCommands(plan, model, state, alarm, dueMs));
      return;
    }
    if (!input.campaignAttached) return;
    // A notice the facts cannot be read for is skipped, not sent empty: the next one ranks again.
    const facts = await readFacts().catch(() => undefined);
    if (facts) notifier.dispatchAll(rankingNoticeCommand(plan, alarm, facts));
  };
  // Done once published, or once the campaign is cancelled: nothing will be published then.
  const done = () => state.stage === 'published' || course().cancelled !== undefined;
  await runAlarms({ clock, alarms, published: () => state.stage === 'published', done, now, fire });
  await condition(() => done() && allHandlersFinished() && notifier.inflight() === 0);
  return state.stage === 'published' ? state.result : undefined;
}

/**
 * Sleeps from alarm to alarm and fires each once, in order. Once the result is published,
 * reminders and the ladder have nothing left to say: only ranking notices remain. A cancelled
 * campaign wakes it and ends it.
 */
async function runAlarms(run: {
  clock: AssessmentWorkflowInput['clock'];
  alarms: AssessmentAlarm[];
  published: () => boolean;
  done: () => boolean;
  now: () => number;
  fire: (alarm: AssessmentAlarm) => Promise<void>;
}): Promise<void> {
  const { clock, alarms, published, done, now, fire } = run;
  const pending = () => (published() ? alarms.filter((a) => a.kind === 'ranking') : alarms);
  let handledUpTo = now();
  for (;;) {
    const next = nextAssessmentAlarm(pending(), handledUpTo);
    if (!next) break;
    const publishedBefore = published();
    // A timer, woken early by publication so a published result is not held until a reminder's hour.
    const woken = await condition(
      () => (!publishedBefore && published()) || (done() && !published()),
      Math.max(1, realDelayUntil(clock, Date.now(), next.atMs)),
    );
    if (done() && !published()) break;
    if (woken) continue;
    const upto = Math.max(now(), next.atMs);
    for (const alarm of assessmentAlarmsBetween(pending(), handledUpTo, upto)) await fire(alarm);
    handledUpTo = upto;
  }
}
