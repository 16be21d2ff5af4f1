import type { IssuePath } from '../plan/plan-issue';
import { placeholder } from '../plan/placeholders';
import type {
  DraftConsequence,
  DraftDate,
  DraftDeliverable,
  DraftPerson,
  DraftPhase,
  DraftRecurring,
  DraftUnit,
  PlanDraft,
  Source,
} from './draft-model';
import { recurringPlacement } from './recurring-placement';

/**
 * A draft as plan data (the shape of PlanSchema's input) plus the comments that quote where each
 * filled value came from. Values the document does not give are placeholders; ids are ours (they
 * name things for the plan file, they state nothing about the campaign).
 */
export interface DraftComment {
  path: IssuePath;
  text: string;
}

export interface PlanDraftData {
  plan: Record<string, unknown>;
  comments: DraftComment[];
}

export function quote(source: Source): string {
  return ` 原文 第${source.line}行：${source.sentence}`;
}

export function dateValue(date: DraftDate, what: string): string {
  if (date.kind === 'date') return date.iso;
  if (date.kind === 'no-year') return placeholder(`${what}的年份：????${date.monthDay.slice(1)}`);
  return placeholder(`${what}：${date.why}`);
}

class Comments {
  readonly list: DraftComment[] = [];
  add(path: IssuePath, source: Source | undefined, note?: string): void {
    if (source) this.list.push({ path, text: quote(source) + (note ? `\n ${note}` : '') });
    else if (note) this.list.push({ path, text: ` ${note}` });
  }
}

function personData(person: DraftPerson | undefined, id: string, role: string): Record<string, unknown> {
  return {
    id,
    name: person?.name ?? placeholder(`${role}姓名${person?.title ? `（${person.title}）` : ''}`),
    ...(person?.title ? { title: person.title } : {}),
    email: placeholder(`${role}的电子邮箱`),
  };
}

function leadingGroup(leaders: DraftPerson[], notes: Comments): Record<string, unknown> {
  const head = leaders.find((p) => p.role === 'head');
  const deputies = leaders.filter((p) => p.role === 'deputy');
  const members = leaders.filter((p) => p.role === 'member');
  notes.add(['leadingGroup', 'head'], head?.source, head ? undefined : '文中未找到组长');
  deputies.forEach((p, i) => notes.add(['leadingGroup', 'deputies', i], i === 0 ? p.source : undefined));
  members.forEach((p, i) => notes.add(['leadingGroup', 'members', i], i === 0 ? p.source : undefined));
  return {
    head: personData(head, 'leader-1', '组长'),
    deputies: deputies.map((p, i) => personData(p, `deputy-${i + 1}`, '副组长')),
    members: members.map((p, i) => personData(p, `member-${i + 1}`, '成员')),
  };
}

function unitData(unit: DraftUnit | undefined, id: string): Record<string, unknown> {
  const name = unit?.name ?? placeholder(unit?.collective ? `${unit.collective}的名单：每个单位一项` : '责任单位名称');
  return {
    id,
    name,
    head: { name: placeholder('主要领导姓名') },
    contact: { name: placeholder('联系人姓名'), email: placeholder('联系人的电子邮箱') },
  };
}

function unitsData(units: DraftUnit[], notes: Comments): Record<string, unknown>[] {
  if (units.length === 0) {
    notes.add(['units'], undefined, '文中未找到责任单位');
    return [unitData(undefined, 'unit-1')];
  }
  units.forEach((unit, i) => {
    const repeated = i > 0 && units[i - 1]?.source.line === unit.source.line && !unit.collective;
    notes.add(
      ['units', i],
      repeated ? undefined : unit.source,
      unit.collective ? `文中只写“${unit.collective}”` : undefined,
    );
  });
  return units.map((unit, i) => unitData(unit, `unit-${i + 1}`));
}

function deliverableData(d: DraftDeliverable, id: string): Record<string, unknown> {
  return { id, title: d.title, kind: d.kind, due: dateValue(d.due, '上报时限') };
}

const WEEK_DAYS = 7;

function recurringData(r: DraftRecurring, id: string, phaseStart: DraftDate): Record<string, unknown> {
  const base = { id, title: r.what, kind: 'progress' };
  if (r.every === 'week') {
    const first = firstWeekday(phaseStart, r.weekday);
    const after = first === undefined ? placeholder('第一次上报距阶段开始几天，如 "7d"') : `${first}d`;
    return { ...base, due: { after }, recurrence: { every: '1w' } };
  }
  if (r.every === 'month') {
    return {
      ...base,
      due: { after: placeholder('第一次上报距阶段开始多久，如 "1w"') },
      recurrence: { monthlyOnDay: r.dayOfMonth ?? placeholder('每月几日上报（1–28）') },
    };
  }
  return {
    ...base,
    due: { after: placeholder('第一次上报距阶段开始多久，如 "1w"') },
    recurrence: { every: placeholder('多久上报一次，如 "1w"') },
  };
}

/** Days from the phase's first day to the first given weekday after it (1–7), when the start is known. */
function firstWeekday(start: DraftDate, weekday: number | undefined): number | undefined {
  if (weekday === undefined) return WEEK_DAYS;
  if (start.kind !== 'date') return undefined;
  const [y, m, d] = start.iso.split('-').map(Number) as [number, number, number];
  const startDay = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
  return ((weekday - startDay + WEEK_DAYS - 1) % WEEK_DAYS) + 1;
}

const AUDIENCE: Record<DraftConsequence['kind'], string[]> = {
  'public-notice': ['all-units'],
  accountability: ['leading-group'],
  veto: ['leading-group'],
  admonition: ['unit-head'],
};

function escalationData(consequences: DraftConsequence[], notes: Comments): Record<string, unknown>[] {
  consequences.forEach((c, i) => notes.add(['escalation', i], c.source));
  return consequences.map((c) => ({
    after: placeholder(`逾期多久后${c.words}，如 "5d"`),
    notify: AUDIENCE[c.kind],
    ...(c.kind === 'public-notice' ? { publicNotice: true } : {}),
    ...(c.kind === 'accountability' || c.kind === 'veto' ? { accountability: true } : {}),
    label: c.words,
  }));
}

function startKey(phase: DraftPhase): string | undefined {
  return phase.start.kind === 'date'
    ? phase.start.iso
    : phase.start.kind === 'no-year'
      ? phase.start.monthDay.slice(2)
      : undefined;
}

function endKey(phase: DraftPhase): string | undefined {
  return phase.end.kind === 'date'
    ? phase.end.iso
    : phase.end.kind === 'no-year'
      ? phase.end.monthDay.slice(2)
      : undefined;
}

/** Phases by their start where the document lists parallel activities out of order (the plan runs them in order). */
function phaseOrder(phases: DraftPhase[]): number[] {
  const order = phases.map((_, i) => i);
  return order.sort((a, b) => {
    const [ka, kb] = [startKey(phases[a] as DraftPhase), startKey(phases[b] as DraftPhase)];
    return ka !== undefined && kb !== undefined && ka.length === kb.length ? ka.localeCompare(kb) || a - b : a - b;
  });
}

function phasesData(draft: PlanDraft, notes: Comments): Record<string, unknown>[] {
  const order = phaseOrder(draft.phases);
  const placement = recurringPlacement(draft);
  return order.map((original, k) => {
    const phase = draft.phases[original] as DraftPhase;
    const previous = k > 0 ? draft.phases[order[k - 1] as number] : undefined;
    const own = startKey(phase);
    const before = previous ? endKey(previous) : undefined;
    const overlaps = own !== undefined && before !== undefined && own.length === before.length && own < before;
    notes.add(['phases', k], phase.source);
    if (phase.windowSource) notes.add(['phases', k, 'window'], phase.windowSource);
    const dated = draft.deliverables.filter((d) => d.phase === original);
    const recurring = draft.recurring.filter((_, r) => placement[r] === original);
    dated.forEach((d, j) =>
      notes.add(['phases', k, 'deliverables', j], d.source, d.recipient ? `报送：${d.recipient}` : undefined),
    );
    recurring.forEach((r, j) =>
      notes.add(['phases', k, 'deliverables', dated.length + j], r.source, '定期上报：放在最长的阶段，如不对请移动'),
    );
    return {
      id: `phase-${k + 1}`,
      name: phase.name || placeholder('阶段名称'),
      window: { start: dateValue(phase.start, '开始日期'), end: dateValue(phase.end, '结束日期') },
      ...(overlaps ? { mayOverlapPrevious: true } : {}),
      deliverables: [
        ...dated.map((d, j) => deliverableData(d, `phase-${k + 1}-report-${j + 1}`)),
        ...recurring.map((r, j) => recurringData(r, `phase-${k + 1}-periodic-${j + 1}`, phase.start)),
      ],
    };
  });
}

function campaignData(draft: PlanDraft, notes: Comments): Record<string, unknown> {
  notes.add(['campaign', 'title'], draft.titleSource);
  notes.add(['campaign', 'organiser'], draft.organiserSource, draft.organiser ? undefined : '文中未找到发文单位');
  const from = {
    text: '年份写在文中',
    title: '年份取自标题',
    'issue-date': '年份取自发文日期',
    option: '年份由 --year 给出',
    none: '文中没有年份：日期的年份待填（或用 --year）',
  };
  notes.add(
    ['campaign', 'id'],
    draft.year.source,
    `${from[draft.year.from]}${draft.year.year ? `：${draft.year.year}` : ''}`,
  );
  return {
    id: `draft-${draft.year.year ?? 'plan'}-${draft.index}`,
    title: draft.title,
    organiser: draft.organiser ?? placeholder('发文单位'),
    timeZone: 'Asia/Shanghai',
    locale: 'zh',
  };
}

export function draftToPlan(draft: PlanDraft): PlanDraftData {
  const notes = new Comments();
  const campaign = campaignData(draft, notes);
  const leaders = leadingGroup(draft.leaders, notes);
  notes.add(['office'], draft.officeSource);
  const office = {
    id: 'office',
    name: '领导小组办公室',
    ...(draft.officeSeat ? { seatedAt: draft.officeSeat } : {}),
    email: placeholder('办公室的电子邮箱'),
  };
  const units = unitsData(draft.units, notes);
  const escalation = escalationData(draft.consequences, notes);
  const phases = phasesData(draft, notes);
  if (phases.length === 0) notes.add(['phases'], undefined, '文中未找到阶段');
  const plan = {
    version: 1,
    campaign,
    leadingGroup: leaders,
    office,
    units,
    ...(escalation.length ? { escalation } : {}),
    phases,
  };
  return { plan, comments: notes.list };
}
