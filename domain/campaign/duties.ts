import type { CaseFiling } from '../cases/case-schema';
import { didYouMean } from '../plan/did-you-mean';
import type { Duty, Plan } from '../plan/schema';
import { caseForHandOver } from '../receptions/handover';
import { withTimeline, type CampaignState, type DutyRecord, type FindingRecord } from './campaign-state';
import { roster } from './roster';
import type { ActionError } from './rule-result';

/**
 * The office's and the leading group's own duties in a phase (督查, 暗查, 抽查): the office or a
 * supervision team visits units and records what it found. Findings are kept on the campaign and
 * reported; a finding that needs handling becomes a case in the unit's ledger, filed by the same
 * rules as any other case (四明确), with the duty as its source.
 */

/** At most this many findings per duty: the campaign's state is carried across continue-as-new. */
export const FINDINGS_PER_DUTY = 500;

/** A finding's case: what the office decides when it hands the matter to the unit. */
export interface FindingCase {
  title: string;
  category: string;
  petitioner?: { name: string; contact?: string };
  owningLeader: { name: string; leaderId?: string };
  handler: string;
  stabilityOfficer?: string;
  deadline: string;
  requirements?: string;
}

export interface RecordFindingsRequest {
  phaseId: string;
  dutyId: string;
  by: string;
  findings: { unitId: string; text: string; case?: FindingCase }[];
  done: boolean;
}

export interface FindingsPlan {
  key: string;
  /** The cases to file, by the finding's index in the request. */
  filings: { index: number; filing: CaseFiling }[];
}

export type Decision<T> = { ok: true; value: T } | { ok: false; error: ActionError };

const refuse = (code: string, message: string): Decision<never> => ({ ok: false, error: { code, message } });

export const dutyKey = (phaseId: string, dutyId: string) => `${phaseId}/${dutyId}`;

// Plans carried by campaigns started before duties existed have neither field (zod filled the
// defaults in only for plans parsed since): read them as empty, or those campaigns would wedge.
export const phaseDuties = (phase: Plan['phases'][number]): Duty[] =>
  (phase as Partial<Pick<Plan['phases'][number], 'duties'>>).duties ?? [];
export const supervisionTeams = (plan: Plan): Plan['supervisionTeams'] =>
  (plan as Partial<Pick<Plan, 'supervisionTeams'>>).supervisionTeams ?? [];

function findDuty(plan: Plan, phaseId: string): Duty[] | undefined {
  const phase = plan.phases.find((p) => p.id === phaseId);
  return phase && phaseDuties(phase);
}

function mayRecord(plan: Plan, duty: Duty, by: string): boolean {
  if (by === 'office') return true;
  if (duty.by === 'office') return false;
  const { head, deputies, members } = plan.leadingGroup;
  const group = [head, ...deputies, ...members].map((p) => p.id);
  const owner = duty.by;
  const ids =
    owner === 'leading-group' ? group : (supervisionTeams(plan).find((t) => t.id === owner.team)?.members ?? []);
  return ids.some((id) => by === `leader:${id}`);
}

function filingOf(plan: Plan, request: RecordFindingsRequest, n: number, index: number): CaseFiling | undefined {
  const finding = request.findings[index]!;
  const c = finding.case;
  if (!c) return undefined;
  const duty = findDuty(plan, request.phaseId)?.find((d) => d.id === request.dutyId);
  return {
    id: `dc-${request.phaseId.slice(0, 24)}-${request.dutyId.slice(0, 24)}-${n}`,
    title: c.title,
    description: `${duty?.title ?? request.dutyId}发现：${finding.text}`,
    category: c.category,
    priority: [],
    // A finding may have no petitioner (a hazard found on a visit); the ledger needs a name.
    petitioner: c.petitioner ?? { name: '（督查发现，无信访人）' },
    owningUnit: finding.unitId,
    owningLeader: c.owningLeader,
    handler: c.handler,
    stabilityOfficer: c.stabilityOfficer ?? c.handler,
    deadline: c.deadline,
    requirements: c.requirements ?? '限期整改到位，整改情况报领导小组办公室',
    source: 'supervision',
  };
}

/** Every reason to refuse a record of findings, at once; nothing is recorded while any remains. */
export function planFindings(
  plan: Plan,
  state: CampaignState,
  request: RecordFindingsRequest,
  nowMs: number,
): Decision<FindingsPlan> {
  const index = plan.phases.findIndex((p) => p.id === request.phaseId);
  const phase = plan.phases[index];
  if (!phase)
    return refuse(
      'unknown_phase',
      `没有编号为“${request.phaseId}”的阶段${didYouMean(
        request.phaseId,
        plan.phases.map((p) => p.id),
      )}`,
    );
  const duty = phaseDuties(phase).find((d) => d.id === request.dutyId);
  if (!duty) {
    const known = phaseDuties(phase).map((d) => d.id);
    return refuse(
      'unknown_duty',
      `阶段“${phase.name}”没有编号为“${request.dutyId}”的督查任务${didYouMean(request.dutyId, known)}`,
    );
  }
  if (state.phases[index]?.status === 'pending') return refuse('duty_not_open', `阶段“${phase.name}”尚未开始`);
  const key = dutyKey(phase.id, duty.id);
  const record = state.duties?.[key];
  if (record?.completedAtMs !== undefined) return refuse('duty_done', `“${duty.title}”已办结，不能再记录发现问题`);
  if (!mayRecord(plan, duty, request.by)) return refuse('not_on_duty', `${request.by}不承担“${duty.title}”，无权记录`);
  if (request.findings.length === 0 && !request.done)
    return refuse('nothing_recorded', '请记录至少一个发现问题，或说明任务已办结（--done）');
  const held = record?.findings.length ?? 0;
  if (held + request.findings.length > FINDINGS_PER_DUTY)
    return refuse('too_many_findings', `每项督查任务最多记录${FINDINGS_PER_DUTY}个发现问题，已有${held}个`);
  const units = new Set(roster(plan, state).map((u) => u.id));
  const problems: string[] = [];
  const filings: FindingsPlan['filings'] = [];
  let n = held;
  request.findings.forEach((finding, i) => {
    n += 1;
    const visited = duty.units === 'all' ? units.has(finding.unitId) : duty.units.includes(finding.unitId);
    if (!visited) {
      problems.push(
        `findings[${i}].unitId: “${duty.title}”不检查单位“${finding.unitId}”${didYouMean(finding.unitId, duty.units === 'all' ? units : duty.units)}`,
      );
      return;
    }
    const filing = filingOf(plan, request, n, i);
    if (!filing) return;
    const built = caseForHandOver(plan, filing, request.by, nowMs);
    if (built.ok) filings.push({ index: i, filing });
    else problems.push(`findings[${i}].case: ${built.message}`);
  });
  if (problems.length > 0) return refuse('invalid_findings', problems.join('; '));
  return { ok: true, value: { key, filings } };
}

/** Keeps the findings (their cases are attached as the units take them) and, when done, closes the duty. */
export function recordFindings(
  plan: Plan,
  state: CampaignState,
  request: RecordFindingsRequest,
  key: string,
  nowMs: number,
): CampaignState {
  const record: DutyRecord = state.duties?.[key] ?? { findings: [] };
  const added: FindingRecord[] = request.findings.map((f) => ({
    unitId: f.unitId,
    text: f.text,
    by: request.by,
    atMs: nowMs,
  }));
  const next: DutyRecord = {
    ...record,
    findings: [...record.findings, ...added],
    ...(request.done ? { completedAtMs: nowMs, completedBy: request.by } : {}),
  };
  const title = findDuty(plan, request.phaseId)?.find((d) => d.id === request.dutyId)?.title;
  const what = `${title ?? request.dutyId}: ${added.length} finding(s) recorded by ${request.by}${request.done ? '; duty done' : ''}`;
  return {
    ...state,
    duties: { ...state.duties, [key]: next },
    timeline: withTimeline(state, { atMs: nowMs, what, phaseId: request.phaseId }),
  };
}

/** The case a unit took for a finding, or why it refused it (kept, never lost). */
export function attachFindingCase(
  state: CampaignState,
  key: string,
  findingIndex: number,
  outcome: { caseId?: string; error?: string },
): CampaignState {
  const record = state.duties?.[key];
  const finding = record?.findings[findingIndex];
  if (!record || !finding) return state;
  const updated: FindingRecord = outcome.caseId
    ? { ...finding, caseId: outcome.caseId }
    : { ...finding, filingError: outcome.error };
  const findings = record.findings.map((f, i) => (i === findingIndex ? updated : f));
  return { ...state, duties: { ...state.duties, [key]: { ...record, findings } } };
}
