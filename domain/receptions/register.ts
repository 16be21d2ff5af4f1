import { instantToLocal } from '../calendar/local-time';
import type { CaseFiling } from '../cases/case-schema';
import type { ReceptionProgramme } from '../plan/reception-schema';
import type { Plan } from '../plan/schema';
import type {
  ReceptionProgrammeState,
  RecordReceptionRequest,
  Substitution,
  SubstituteInput,
  VisitorInput,
} from './register-schema';
import { planPeople, type OnDuty, type RotaEntry } from './rota';

/**
 * What a record or a substitution does to a programme, decided without changing anything: the
 * update's validator and its handler both call these on the same state, so a refusal names its
 * reason and leaves everything as it was.
 */

export interface ProgrammeContext {
  plan: Plan;
  programme: ReceptionProgramme;
  rota: RotaEntry[];
}

export interface RegisterError {
  code: string;
  message: string;
}

type Decision<T> = { ok: true; value: T } | { ok: false; error: RegisterError };
const refuse = <T>(code: string, message: string): Decision<T> => ({ ok: false, error: { code, message } });

export const localDateOf = (ctx: ProgrammeContext, ms: number) => instantToLocal(ms, ctx.plan.campaign.timeZone).date;

/** Who is on duty: the substitute if one was named, else the rostered receiver. */
export function onDuty(state: ReceptionProgrammeState, entry: RotaEntry): OnDuty | undefined {
  const sub = state.substitutions[entry.id];
  if (!sub) return entry.rostered;
  return { key: `leader:${sub.leaderId}`, name: sub.name, title: sub.title, email: sub.email, leaderId: sub.leaderId };
}

function findEntry(
  ctx: ProgrammeContext,
  ref: { receptionId?: string; date?: string },
  today: string,
): Decision<RotaEntry> {
  if (ref.receptionId !== undefined) {
    const entry = ctx.rota.find((e) => e.id === ref.receptionId);
    return entry
      ? { ok: true, value: entry }
      : refuse<RotaEntry>('no_reception', `${ctx.programme.name} has no reception "${ref.receptionId}"`);
  }
  const date = ref.date ?? today;
  const that = ctx.rota.filter((e) => e.date === date);
  if (that.length === 1) return { ok: true, value: that[0]! };
  if (that.length > 1) {
    return refuse<RotaEntry>(
      'which_reception',
      `${date} has ${that.length} receptions in ${ctx.programme.name}; name one: ${that.map((e) => e.id).join(', ')}`,
    );
  }
  const next = ctx.rota.find((e) => e.date > date);
  return refuse<RotaEntry>(
    'no_reception',
    `${ctx.programme.name} holds no reception on ${date}${next ? `; the next is on ${next.date}` : ''}`,
  );
}

/** `office`, or the principal of the person on duty; anyone else is refused by name. */
function mayActFor(by: string, duty: OnDuty | undefined): boolean {
  if (!/^(office|leader:|unit:)/.test(by)) return true; // a campaign without credentials: names, not principals
  if (by === 'office' || by.startsWith('office ')) return true;
  const principal = by.split(' ')[0];
  return (
    duty !== undefined &&
    (principal === `leader:${duty.leaderId ?? ''}` ||
      (duty.unitId !== undefined && principal === `unit:${duty.unitId}`))
  );
}

export interface RecordPlan {
  entry: RotaEntry;
  duty: OnDuty | undefined;
  filings: { visitorIndex: number; filing: CaseFiling }[];
}

function filingFor(
  ctx: ProgrammeContext,
  entry: RotaEntry,
  duty: OnDuty | undefined,
  visitor: VisitorInput,
  n: number,
) {
  const handOver = visitor.handOver!;
  const unit = planPeople(ctx.plan).units.get(handOver.unit)!;
  // By id only: the ledger fills in the leader's address from the plan. (An address here would be
  // checked by zod's e-mail pattern, which cannot run on the frozen modules a workflow shares.)
  const leader =
    ctx.programme.receiverOwnsCases && duty?.leaderId
      ? { name: duty.name, leaderId: duty.leaderId }
      : { name: unit.head.name };
  const filing: CaseFiling = {
    id: `${ctx.programme.id.slice(0, 40)}-${entry.date.replaceAll('-', '')}-${n}`,
    title: handOver.title ?? visitor.matter.slice(0, 60),
    description: `${ctx.programme.name}（${entry.date}，${duty?.name ?? ''}接访）：${visitor.matter}；当场答复：${visitor.answer}`,
    category: handOver.category,
    priority: [],
    petitioner: { name: visitor.name, ...(visitor.contact ? { contact: visitor.contact } : {}) },
    owningUnit: unit.id,
    owningLeader: leader,
    handler: handOver.handler,
    stabilityOfficer: handOver.stabilityOfficer ?? handOver.handler,
    deadline: handOver.deadline,
    requirements: handOver.requirements ?? '谁主管、谁负责，限期办结并答复信访人（事事有回音、件件有着落）',
    source: 'reception-day',
  };
  return filing;
}

export function planRecord(
  ctx: ProgrammeContext,
  state: ReceptionProgrammeState,
  input: RecordReceptionRequest,
  nowMs: number,
): Decision<RecordPlan> {
  const today = localDateOf(ctx, nowMs);
  const found = findEntry(ctx, input, today);
  if (!found.ok) return found;
  const entry = found.value;
  if (entry.date > today) {
    return refuse('reception_not_yet', `the reception of ${entry.date} has not begun; record it on the day`);
  }
  if (state.missed[entry.id]) {
    return refuse(
      'reception_missed',
      `the reception of ${entry.date} was reported missed; it can no longer be recorded`,
    );
  }
  const duty = onDuty(state, entry);
  if (!mayActFor(input.by, duty)) {
    return refuse(
      'not_on_duty',
      `${input.by} is not on duty on ${entry.date} (${duty?.name ?? 'nobody'} is); the office may record for them`,
    );
  }
  const earlier = state.records[entry.id];
  if (input.noVisitors && earlier && earlier.visitors.length > 0) {
    return refuse('has_visitors', `the reception of ${entry.date} already has ${earlier.visitors.length} visitor(s)`);
  }
  const people = planPeople(ctx.plan);
  const categories = new Set(ctx.plan.caseCategories.map((c) => c.id));
  for (const [i, visitor] of input.visitors.entries()) {
    const unit = visitor.handOver?.unit;
    if (unit !== undefined && !people.units.has(unit)) {
      return refuse('unknown_unit', `visitor ${i + 1}: no unit has id "${unit}"`);
    }
    if (visitor.handOver && !categories.has(visitor.handOver.category)) {
      return refuse(
        'unknown_category',
        `visitor ${i + 1}: no case category "${visitor.handOver.category}" in the plan`,
      );
    }
  }
  const before = earlier?.visitors.length ?? 0;
  const filings = input.visitors.flatMap((visitor, i) =>
    visitor.handOver
      ? [{ visitorIndex: before + i, filing: filingFor(ctx, entry, duty, visitor, before + i + 1) }]
      : [],
  );
  return { ok: true, value: { entry, duty, filings } };
}

export function applyRecord(
  state: ReceptionProgrammeState,
  plan: RecordPlan,
  input: RecordReceptionRequest,
  nowMs: number,
): ReceptionProgrammeState {
  const earlier = state.records[plan.entry.id];
  const record = {
    receptionId: plan.entry.id,
    date: plan.entry.date,
    visitors: [...(earlier?.visitors ?? []), ...input.visitors],
    noVisitors: input.noVisitors && !earlier?.visitors.length,
    recordedBy: [...new Set([...(earlier?.recordedBy ?? []), input.by])],
    firstRecordedAtMs: earlier?.firstRecordedAtMs ?? nowMs,
  };
  return { ...state, records: { ...state.records, [plan.entry.id]: record } };
}

export function planSubstitute(
  ctx: ProgrammeContext,
  state: ReceptionProgrammeState,
  input: SubstituteInput,
  nowMs: number,
): Decision<Substitution> {
  const today = localDateOf(ctx, nowMs);
  const found = findEntry(ctx, input, today);
  if (!found.ok) return found;
  const entry = found.value;
  if (entry.date <= today) {
    return refuse(
      'reception_started',
      `a substitute is named before the day; the reception of ${entry.date} has begun`,
    );
  }
  const leader = planPeople(ctx.plan).leaders.get(input.substitute);
  if (!leader)
    return refuse('not_a_leader', `a substitute must be a leader of the plan; no leader has id "${input.substitute}"`);
  const allowed = ctx.programme.substitutes;
  if (allowed && !allowed.includes(leader.id)) {
    return refuse(
      'not_a_substitute',
      `${leader.name} is not among this programme's substitutes (${allowed.join(', ')})`,
    );
  }
  if (entry.rostered?.leaderId === leader.id) {
    return refuse('same_leader', `${leader.name} is already rostered for ${entry.date}`);
  }
  if (!mayActFor(input.by, entry.rostered) && !mayActFor(input.by, onDuty(state, entry))) {
    return refuse(
      'not_rostered',
      `only ${entry.rostered?.name ?? 'the rostered leader'} or the office names a substitute for ${entry.date}`,
    );
  }
  return {
    ok: true,
    value: {
      receptionId: entry.id,
      date: entry.date,
      leaderId: leader.id,
      name: leader.name,
      ...(leader.title ? { title: leader.title } : {}),
      email: leader.email,
      rosteredName: entry.rostered?.name ?? '',
      reason: input.reason,
      by: input.by,
      atMs: nowMs,
    },
  };
}
