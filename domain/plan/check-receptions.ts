import { receptionDates } from '../receptions/reception-dates';
import { rosteredFor } from '../receptions/rota';
import { planError, planWarning, type IssuePath, type PlanIssue } from './plan-issue';
import type { ReceptionProgramme, Receiver, Rota } from './reception-schema';
import type { LoosePlan } from './salvage-plan';
import { HolidayCalendarSchema } from './schema';

/**
 * Cross-field rules of the receptions section: every receiver is a leader or unit of the plan,
 * every reception day has someone on duty, no leader is rostered twice on one day, and a rule day
 * a month lacks is said out loud (it moves to the month's last day, see reception-schema.ts).
 */

const receiverKey = (r: Receiver) => (typeof r === 'string' ? `leader:${r}` : `unit-head:${r.unitHead}`);
const receiverLabel = (r: Receiver) => (typeof r === 'string' ? `leader "${r}"` : `the head of unit "${r.unitHead}"`);

function rotaReceivers(rota: Rota, path: IssuePath): { receiver: Receiver; path: IssuePath }[] {
  if ('leader' in rota) return [{ receiver: rota.leader, path: [...path, 'leader'] }];
  if ('inTurn' in rota) return rota.inTurn.map((receiver, i) => ({ receiver, path: [...path, 'inTurn', i] }));
  if ('unitHeads' in rota) {
    const units = rota.unitHeads === 'all' ? [] : rota.unitHeads;
    return units.map((unitHead, i) => ({ receiver: { unitHead }, path: [...path, 'unitHeads', i] }));
  }
  const rows = 'byMonth' in rota ? rota.byMonth : rota.byDate;
  const key = 'byMonth' in rota ? 'byMonth' : 'byDate';
  return [
    ...rows.map((row, i) => ({ receiver: row.leader, path: [...path, key, i, 'leader'] })),
    ...(rota.otherwise ? [{ receiver: rota.otherwise, path: [...path, 'otherwise'] }] : []),
  ];
}

function unknownReceivers(plan: LoosePlan, programme: ReceptionProgramme, path: IssuePath): PlanIssue[] {
  const group = plan.leadingGroup;
  const leaders = new Set([group.head, ...group.deputies, ...group.members].flatMap((p) => (p ? [p.id] : [])));
  const units = new Set(plan.units.flatMap((u) => (u ? [u.id] : [])));
  const substitutes = (programme.substitutes ?? []).flatMap((id, i) =>
    leaders.has(id)
      ? []
      : [
          planError(
            'unknown_leader',
            [...path, 'substitutes', i],
            `a substitute must be a leader of the plan; no leader has id "${id}"`,
          ),
        ],
  );
  return substitutes.concat(
    rotaReceivers(programme.rota, [...path, 'rota']).flatMap(({ receiver, path: at }) => {
      if (typeof receiver === 'string') {
        if (leaders.has(receiver)) return [];
        const hint = plan.office?.id === receiver ? ' (the office keeps the register; a leader receives)' : '';
        return [planError('unknown_leader', at, `no leader of the leading group has id "${receiver}"${hint}`)];
      }
      return units.has(receiver.unitHead)
        ? []
        : [planError('unknown_unit', [...at, 'unitHead'], `no unit has id "${receiver.unitHead}"`)];
    }),
  );
}

interface Duty {
  programme: string;
  path: IssuePath;
}

function programmeIssues(plan: LoosePlan, programme: ReceptionProgramme, path: IssuePath, duties: Map<string, Duty>) {
  const issues: PlanIssue[] = [];
  if (programme.from > programme.to) {
    issues.push(
      planError('reception_window', [...path, 'to'], `the programme ends (${programme.to}) before it starts`),
    );
    return issues;
  }
  issues.push(...unknownReceivers(plan, programme, path));
  const calendar = plan.campaign?.calendar ?? HolidayCalendarSchema.parse({});
  const days = receptionDates(programme, calendar);
  if (days.length === 0) {
    issues.push(
      planWarning(
        'no_reception_days',
        [...path, 'rule'],
        `no reception day falls between ${programme.from} and ${programme.to}`,
      ),
    );
  }
  const clamped = days.filter((d) => d.clampedFrom !== undefined);
  if (clamped.length > 0) {
    const first = clamped[0]!;
    const message = `day ${first.clampedFrom} is missing from ${clamped.length} month(s); those months receive on their last day instead (e.g. ${first.scheduled})`;
    issues.push(planWarning('day_not_in_month', [...path, 'rule', 'days'], message));
  }
  const unitIds = plan.units.flatMap((u) => (u ? [u.id] : []));
  const missing: string[] = [];
  days.forEach((day, index) => {
    for (const receiver of rosteredFor(programme.rota, day, index, unitIds)) {
      if (!receiver) {
        missing.push(day.scheduled);
        continue;
      }
      const key = `${receiverKey(receiver)}@${day.date}`;
      const other = duties.get(key);
      if (other && other.programme !== programme.id) {
        const message = `${receiverLabel(receiver)} is on duty on ${day.date} in both "${other.programme}" and "${programme.id}"; name another leader for one of them`;
        issues.push(planError('reception_overlap', [...path, 'rota'], message));
      } else duties.set(key, { programme: programme.id, path });
    }
  });
  if (missing.length > 0) {
    const message = `nobody is rostered for ${missing.length} reception day(s), first ${missing[0]}; add them to the table or give "otherwise"`;
    issues.push(planError('reception_unstaffed', [...path, 'rota'], message));
  }
  return issues;
}

export function checkReceptions(plan: LoosePlan): PlanIssue[] {
  const programmes = plan.receptions ?? [];
  const issues: PlanIssue[] = [];
  if (plan.phases.length === 0 && programmes.length === 0) {
    issues.push(
      planError('no_phases', ['phases'], 'needs at least 1 phase (阶段) or 1 reception programme (领导接访日)'),
    );
  }
  if (plan.phases.length === 0 && programmes.length > 0) {
    const message =
      'with receptions only, no unit ledger runs: a matter handed over at a reception becomes a case the programme holds (the unit is told, its overdue ladder climbs, the summaries follow it), but 销号 and transfers need a unit ledger (add a phase with casesFiling: true)';
    issues.push(planWarning('receptions_without_ledger', ['receptions'], message));
  }
  const seen = new Map<string, number>();
  const duties = new Map<string, Duty>();
  programmes.forEach((programme, i) => {
    if (!programme) return;
    const path: IssuePath = ['receptions', i];
    const earlier = seen.get(programme.id);
    if (earlier !== undefined) {
      issues.push(
        planError('duplicate_id', [...path, 'id'], `"${programme.id}" is already used by receptions[${earlier}]`),
      );
      return;
    }
    seen.set(programme.id, i);
    issues.push(...programmeIssues(plan, programme, path, duties));
  });
  return issues;
}
