import type { CaseStatus } from '../domain/cases/case-schema';
import type { Recipient } from '../domain/notifications/notification';
import type { Alarm } from '../domain/receptions/alarms';
import { onDuty, type ProgrammeContext } from '../domain/receptions/register';
import type { Miss, ReceptionProgrammeState, Substitution } from '../domain/receptions/register-schema';
import type { OnDuty, RotaEntry } from '../domain/receptions/rota';
import { planPeople } from '../domain/receptions/rota';
import { summarise } from '../domain/receptions/summary';
import { pausedAt, receptionSuspended } from '../domain/receptions/pause';
import type { NotifyCommand } from './notifier';

/**
 * What each alarm of a reception programme does: the commands to mail and the state after it.
 * Kept beside the workflow, not in domain/, only because NotifyCommand is the notifier's type.
 */

const facts = (entry: RotaEntry) => ({
  programmeName: entry.programmeName,
  outreach: entry.type === 'outreach',
  date: entry.date,
  start: entry.start,
  end: entry.end,
  place: entry.place,
});

const person = (duty: OnDuty | undefined, role: string): Recipient[] =>
  duty?.email ? [{ name: duty.name, email: duty.email, role }] : [];

export function substitutionNotices(ctx: ProgrammeContext, sub: Substitution, nowMs: number): NotifyCommand[] {
  const entry = ctx.rota.find((e) => e.id === sub.receptionId);
  if (!entry) return [];
  const people = [
    ...person({ key: '', name: sub.name, email: sub.email }, 'substitute'),
    ...person(entry.rostered, 'rostered-leader'),
  ];
  const body = {
    kind: 'reception_substitute' as const,
    ...facts(entry),
    substituteName: sub.name,
    rosteredName: sub.rosteredName,
    reason: sub.reason,
  };
  return [{ eventKey: `substitute:${entry.id}:${sub.leaderId}`, atMs: nowMs, audience: ['office'], people, body }];
}

/** The cases a summary will name, so their state can be read from the units first. */
export function summaryCases(ctx: ProgrammeContext, state: ReceptionProgrammeState, alarm: Alarm) {
  if (alarm.kind !== 'summary') return [];
  return summarise(ctx.rota, state, alarm.from, alarm.to).cases.flatMap((c) =>
    c.caseId ? [{ unitId: c.unitId, caseId: c.caseId }] : [],
  );
}

export function alarmOutcome(
  ctx: ProgrammeContext,
  state: ReceptionProgrammeState,
  alarm: Alarm,
  caseStates: Record<string, CaseStatus> = {},
): { state: ReceptionProgrammeState; commands: NotifyCommand[] } {
  if (alarm.kind === 'summary') return { state, commands: [summaryNotice(ctx, state, alarm, caseStates)] };
  const entry = ctx.rota.find((e) => e.id === alarm.receptionId);
  if (!entry) return { state, commands: [] };
  const duty = onDuty(state, entry);
  // A paused programme tells nobody; a reception whose day a pause touched is suspended, not missed.
  if (alarm.kind === 'notice' && pausedAt(state, alarm.atMs)) return { state, commands: [] };
  if (alarm.kind === 'end-of-day' && !state.records[entry.id] && receptionSuspended(ctx, state, entry)) {
    return { state: { ...state, suspended: { ...state.suspended, [entry.id]: true } }, commands: [] };
  }
  if (alarm.kind === 'notice') {
    const sub = state.substitutions[entry.id];
    const body = {
      kind: 'reception_duty' as const,
      ...facts(entry),
      daysBefore: alarm.daysBefore,
      leaderName: duty?.name ?? '',
      ...(sub ? { standingInFor: sub.rosteredName } : {}),
    };
    const commands = person(duty, 'on-duty').length
      ? [
          {
            eventKey: `notice:${entry.id}:${alarm.daysBefore}`,
            atMs: alarm.atMs,
            audience: [],
            people: person(duty, 'on-duty'),
            body,
          },
        ]
      : [];
    return { state, commands };
  }
  if (state.records[entry.id]) return { state, commands: [] };
  const miss: Miss = { receptionId: entry.id, date: entry.date, dutyKey: duty?.key ?? '?', name: duty?.name ?? '' };
  const body = { kind: 'reception_missed' as const, ...facts(entry), leaderName: miss.name };
  return {
    state: { ...state, missed: { ...state.missed, [entry.id]: miss } },
    commands: [{ eventKey: `missed:${entry.id}`, atMs: alarm.atMs, audience: ['office'], body }],
  };
}

function summaryNotice(
  ctx: ProgrammeContext,
  state: ReceptionProgrammeState,
  alarm: Extract<Alarm, { kind: 'summary' }>,
  caseStates: Record<string, CaseStatus>,
): NotifyCommand {
  const summary = summarise(ctx.rota, state, alarm.from, alarm.to);
  const units = planPeople(ctx.plan).units;
  const { leaders, cases, from, to, ...counts } = summary;
  return {
    eventKey: `summary:${alarm.period}:${alarm.from}`,
    atMs: alarm.atMs,
    audience: ctx.programme.summariesTo,
    body: {
      kind: 'reception_summary',
      programmeName: ctx.programme.name,
      period: alarm.period,
      from,
      to,
      counts,
      leaders,
      cases: cases.map((c) => ({
        date: c.date,
        unitName: units.get(c.unitId)?.name ?? c.unitId,
        title: c.title,
        ...(c.caseId ? { caseId: c.caseId } : {}),
        ...(c.caseId && caseStates[c.caseId] ? { status: caseStates[c.caseId] } : {}),
      })),
    },
  };
}
