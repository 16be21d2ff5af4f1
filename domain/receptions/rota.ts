import type { Plan } from '../plan/schema';
import type { ReceptionProgramme, Receiver, Rota } from '../plan/reception-schema';
import { receptionDates, type ReceptionDate } from './reception-dates';

/**
 * The published rota (定时间、定地点、定领导): each reception of a programme with its day after
 * postponement, who receives, where and when. Pure; the CLI prints it, the programme workflow
 * keeps its timers by it.
 */

export interface OnDuty {
  /** `leader:<id>` or `unit-head:<unitId>`: one key per person, for overlap checks and counts. */
  key: string;
  name: string;
  title?: string;
  email?: string;
  /** Only a plan leader may act as 包案领导 for a handed-over case. */
  leaderId?: string;
  unitId?: string;
}

export interface RotaEntry extends ReceptionDate {
  /** Stable id of this reception: `<programme>:<date>` (plus `:<unit>` for unit heads). */
  id: string;
  programmeId: string;
  programmeName: string;
  type: ReceptionProgramme['type'];
  /** 1-based position in the programme (the n-th reception day). */
  seq: number;
  place: string;
  start: string;
  end: string;
  /** Who the rota names; undefined only in a plan the check refuses (a month the table leaves out). */
  rostered: OnDuty | undefined;
}

export interface PlanPeople {
  leaders: Map<string, { id: string; name: string; title?: string; email: string }>;
  units: Map<string, { id: string; name: string; head: { name: string; email?: string }; contact: { email: string } }>;
}

export function planPeople(plan: Pick<Plan, 'leadingGroup' | 'units'>): PlanPeople {
  const group = plan.leadingGroup;
  const leaders = new Map([group.head, ...group.deputies, ...group.members].map((p) => [p.id, p]));
  return { leaders, units: new Map(plan.units.map((u) => [u.id, u])) };
}

export function resolveReceiver(receiver: Receiver, people: PlanPeople): OnDuty | undefined {
  if (typeof receiver === 'string') {
    const leader = people.leaders.get(receiver);
    if (!leader) return undefined;
    return {
      key: `leader:${leader.id}`,
      name: leader.name,
      title: leader.title,
      email: leader.email,
      leaderId: leader.id,
    };
  }
  const unit = people.units.get(receiver.unitHead);
  if (!unit) return undefined;
  // A head without an address is told through the unit's contact, who always has one.
  const email = unit.head.email ?? unit.contact.email;
  return { key: `unit-head:${unit.id}`, name: unit.head.name, title: `${unit.name}负责人`, email, unitId: unit.id };
}

/** The receivers the rota names for one reception day (several only for `unitHeads`). */
export function rosteredFor(
  rota: Rota,
  day: ReceptionDate,
  index: number,
  allUnitIds: string[],
): (Receiver | undefined)[] {
  if ('leader' in rota) return [rota.leader];
  if ('byMonth' in rota) {
    const month = Number(day.scheduled.slice(5, 7));
    return [rota.byMonth.find((row) => row.month === month)?.leader ?? rota.otherwise];
  }
  if ('byDate' in rota) {
    const row = rota.byDate.find((r) => r.date === day.scheduled) ?? rota.byDate.find((r) => r.date === day.date);
    return [row?.leader ?? rota.otherwise];
  }
  if ('inTurn' in rota) return [rota.inTurn[index % rota.inTurn.length]];
  const units = rota.unitHeads === 'all' ? allUnitIds : rota.unitHeads;
  return units.map((unitHead) => ({ unitHead }));
}

export function programmeRota(plan: Plan, programme: ReceptionProgramme): RotaEntry[] {
  const people = planPeople(plan);
  const allUnits = plan.units.map((u) => u.id);
  return receptionDates(programme, plan.campaign.calendar).flatMap((day, index) => {
    const receivers = rosteredFor(programme.rota, day, index, allUnits);
    return receivers.map((receiver) => {
      const rostered = receiver === undefined ? undefined : resolveReceiver(receiver, people);
      const unitSuffix = receivers.length > 1 || rostered?.unitId ? `:${rostered?.unitId ?? '?'}` : '';
      const unitName = rostered?.unitId ? people.units.get(rostered.unitId)?.name : undefined;
      return {
        ...day,
        id: `${programme.id}:${day.date}${unitSuffix}`,
        programmeId: programme.id,
        programmeName: programme.name,
        type: programme.type,
        seq: index + 1,
        // Unit heads receive at their own unit: "在所辖村办公室接访".
        place: unitName ? `${unitName}${programme.place}` : programme.place,
        start: programme.hours.start,
        end: programme.hours.end,
        rostered,
      };
    });
  });
}

/** Every programme's rota, in date order, optionally limited to [from, to] (held dates). */
export function planRota(plan: Plan, range: { from?: string; to?: string } = {}): RotaEntry[] {
  return (plan.receptions ?? [])
    .flatMap((programme) => programmeRota(plan, programme))
    .filter((entry) => (!range.from || entry.date >= range.from) && (!range.to || entry.date <= range.to))
    .sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? -1 : 1));
}

/** The units whose heads receive in a programme: they hold a credential for its register. */
export function rosteredUnits(plan: Plan, programme: ReceptionProgramme): string[] {
  const units = programmeRota(plan, programme).flatMap((e) => (e.rostered?.unitId ? [e.rostered.unitId] : []));
  return [...new Set(units)].sort();
}
