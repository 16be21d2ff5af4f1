import { isoInstant } from '../domain/clock/time-units';
import type { AssessmentAlarm } from '../domain/assessment/assessment-alarms';
import { assessmentLadder } from '../domain/assessment/assessment-alarms';
import type { AssessmentModel } from '../domain/assessment/assessment-model';
import type { UnitFacts } from '../domain/assessment/facts';
import { rankingColumns, rankingNoticeRows } from '../domain/assessment/ranking-notice';
import type { AssessmentResult } from '../domain/assessment/result-schema';
import { lateAssessors, type ScoringState } from '../domain/assessment/scoring-session';
import type { Recipient } from '../domain/notifications/notification';
import type { Plan } from '../domain/plan/schema';
import type { NotifyCommand } from './notifier';

/**
 * What each alarm and the publication of an assessment mail, as the notifier's commands. Who is
 * late and by how much is domain/assessment's; kept beside the workflow only because NotifyCommand
 * is the notifier's type (as workflows/reception-notices.ts).
 */

type Files = { name: string; ref: string; mediaType: string }[];

function assessorPeople(model: AssessmentModel, ids: readonly string[]): Recipient[] {
  return ids.flatMap((id) => {
    const email = model.emails.get(id);
    return email ? [{ name: model.assessors.get(id) ?? id, email, role: 'assessor' }] : [];
  });
}

export function assessmentAlarmCommands(
  plan: Plan,
  model: AssessmentModel,
  state: ScoringState,
  alarm: Exclude<AssessmentAlarm, { kind: 'ranking' }>,
  dueMs: number,
): NotifyCommand[] {
  if (state.stage !== 'scoring') return [];
  const late = lateAssessors(model, state);
  if (late.length === 0) return [];
  const title = model.assessment.title;
  const dueAt = isoInstant(dueMs);
  if (alarm.kind === 'reminder') {
    return late.flatMap(({ assessor, missing }) =>
      assessorPeople(model, [assessor]).map((person) => ({
        eventKey: `assessment:reminder:${alarm.index}:${assessor}`,
        atMs: alarm.atMs,
        audience: [],
        people: [person],
        body: { kind: 'assessment_reminder' as const, title, assessorName: person.name, missing, dueAt },
      })),
    );
  }
  const step = assessmentLadder(plan)[alarm.step];
  if (!step) return [];
  const body = {
    kind: 'assessment_overdue' as const,
    title,
    dueAt,
    step: alarm.step + 1,
    ...(step.label ? { stepLabel: step.label } : {}),
    late: late.slice(0, 200).map((l) => ({ name: model.assessors.get(l.assessor) ?? l.assessor, missing: l.missing })),
  };
  // The late assessors hear it too: escalated like a unit, whose ladder mails the unit as well.
  const people = assessorPeople(
    model,
    late.map((l) => l.assessor),
  );
  return [{ eventKey: `assessment:escalation:${alarm.step}`, atMs: alarm.atMs, audience: step.notify, people, body }];
}

export function rankingNoticeCommand(
  plan: Plan,
  alarm: Extract<AssessmentAlarm, { kind: 'ranking' }>,
  facts: Record<string, UnitFacts>,
): NotifyCommand[] {
  const notice = plan.assessment?.rankingNotices;
  if (!notice) return [];
  const rows = rankingNoticeRows(plan, notice, facts).map(({ rank, unitName, values }) => ({ rank, unitName, values }));
  const body = {
    kind: 'ranking_notice' as const,
    title: plan.assessment?.title ?? plan.campaign.title,
    period: alarm.period,
    from: alarm.from,
    to: alarm.to,
    columns: rankingColumns(notice),
    rows: rows.slice(0, 5_000),
  };
  return [
    {
      eventKey: `assessment:ranking:${alarm.from}`,
      atMs: alarm.atMs,
      audience: ['leading-group', 'office', 'all-units'],
      body,
    },
  ];
}

/**
 * Every unit hears the published result. With a campaign, through its roster (units added on the
 * way included); an assessment run alone has no campaign to ask, so the plan's units are named.
 */
function unitsReached(
  plan: Plan,
  campaignAttached: boolean,
): { audience: NotifyCommand['audience']; people: Recipient[] } {
  if (campaignAttached) return { audience: ['all-units'], people: [] };
  const people = plan.units.map((u) => ({ name: u.contact.name, email: u.contact.email, role: 'unit-contact' }));
  return { audience: [], people };
}

export function publishedCommand(
  plan: Plan,
  model: AssessmentModel,
  published: { result: AssessmentResult; approvedBy: string; files: Files; atMs: number },
  campaignAttached: boolean,
): NotifyCommand {
  const { result, approvedBy, files, atMs } = published;
  const names = new Map(result.ranking.map((r) => [r.entrant, r.name]));
  const body = {
    kind: 'assessment_published' as const,
    title: result.title,
    approvedBy: model.assessors.get(approvedBy) ?? approvedBy,
    entrants: result.ranking.length,
    awards: result.awards.map((a) => ({ name: a.name, entrants: a.entrants.map((id) => names.get(id) ?? id) })),
    vetoes: result.vetoed.map((v) => ({ name: v.name, reasons: v.reasons.slice(0, 20) })),
    files,
  };
  const panel = [...model.assessors.keys()].filter((id) => !model.leaders.has(id));
  const units = unitsReached(plan, campaignAttached);
  return {
    eventKey: 'assessment:published',
    atMs,
    audience: ['office', 'leading-group', ...units.audience],
    people: [...assessorPeople(model, panel), ...units.people],
    body,
  };
}
