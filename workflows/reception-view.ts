import type { ReceptionProgrammeView, ReceptionView, ReceptionViewFilter } from '../contracts/receptions';
import { planNow, type PlanClock } from '../domain/clock/plan-clock';
import { localDateOf, onDuty, type ProgrammeContext } from '../domain/receptions/register';
import { planPeople } from '../domain/receptions/rota';
import type { ReceptionProgrammeState } from '../domain/receptions/register-schema';
import { currentPause } from '../domain/receptions/pause';
import { periodSummaries } from '../domain/receptions/period-summaries';
import { summarise } from '../domain/receptions/summary';

/** The programme as a query answers it: each reception with who is on duty and what was recorded. */
export function programmeView(
  ctx: ProgrammeContext,
  state: ReceptionProgrammeState,
  filter: ReceptionViewFilter | undefined,
  clock: PlanClock,
  workflowNowMs: number,
): ReceptionProgrammeView {
  // A query runs at the workflow's last activation; the caller's clock says what "today" is.
  const nowMs = filter?.asOf ? planNow(clock, filter.asOf.realNowMs) : workflowNowMs;
  const today = localDateOf(ctx, nowMs);
  const from = filter?.from ?? ctx.programme.from;
  const to = filter?.to ?? '9999-12-31';
  const pause = currentPause(state);
  const receptions: ReceptionView[] = ctx.rota
    .filter((e) => e.date >= from && e.date <= to)
    .map((entry) => {
      const record = state.records[entry.id];
      const status = state.missed[entry.id]
        ? 'missed'
        : state.suspended?.[entry.id] && !record
          ? 'paused'
          : record
            ? 'held'
            : entry.date > today
              ? 'upcoming'
              : entry.date === today
                ? 'today'
                : 'open';
      const substitution = state.substitutions[entry.id];
      return {
        ...entry,
        onDuty: onDuty(state, entry),
        ...(substitution ? { substitution } : {}),
        status,
        visitors: record?.visitors ?? [],
        noVisitors: record?.noVisitors ?? false,
      };
    });
  return {
    programmeId: ctx.programme.id,
    programmeName: ctx.programme.name,
    nowMs,
    today,
    receptions,
    summary: summarise(ctx.rota, state, ctx.programme.from, today),
    periods: periodSummaries(ctx.rota, state, today),
    heldCases: Object.values(state.heldCases ?? {}),
    leaders: [...planPeople(ctx.plan).leaders.values()].map(({ id, name, title }) => ({
      id,
      name,
      ...(title === undefined ? {} : { title }),
    })),
    ...(pause ? { pausedSince: pause.fromMs, pauseReason: pause.reason } : {}),
  };
}
