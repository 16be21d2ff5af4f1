import type { CaseEventType } from '../cases/case-events';
import type { Principal } from './principal';

/**
 * What each principal may do. Units act only for themselves; the leading group returns phases, and
 * approves them as the plan says (the office too, when the plan names it); only the office extends
 * a unit's deadline, adds units, pauses or cancels. Cases are accepted (销号) or returned by the
 * office or the leading group; their deadlines move only by the office or a leader.
 */
export type Action =
  | 'submitReport'
  | 'extendDeadline'
  | 'fileCases'
  | `caseEvent:${CaseEventType}`
  | 'approvePhase'
  | 'returnPhase'
  | 'addUnit'
  | 'pauseReminders'
  | 'resumeReminders'
  | 'cancelCampaign'
  | 'recordReception'
  | 'substituteReception'
  | 'pauseReceptions'
  | 'resumeReceptions'
  | 'recordFindings'
  | 'submitScores'
  | 'closeScoring'
  | 'approveResult';

/**
 * `rostered-unit`: a unit whose head receives in a reception programme (各村每周一接访). Only such
 * units hold a credential for the programme's workflow; the register checks the day's duty.
 * `assessor`: a member of the assessment's panel (评委) who is not a leader.
 */
type Role = 'office' | 'leader' | 'own-unit' | 'rostered-unit' | 'assessor';

const RULES: Record<Action, readonly Role[]> = {
  submitReport: ['own-unit', 'office'],
  extendDeadline: ['office'],
  fileCases: ['own-unit', 'office'],
  'caseEvent:file': ['own-unit', 'office'],
  'caseEvent:note': ['own-unit', 'office', 'leader'],
  'caseEvent:transfer': ['own-unit', 'office'],
  'caseEvent:escalate': ['own-unit', 'office', 'leader'],
  'caseEvent:extend': ['office', 'leader'],
  'caseEvent:submitClosure': ['own-unit', 'office'],
  'caseEvent:accept': ['office', 'leader'],
  'caseEvent:return': ['office', 'leader'],
  'caseEvent:nextSteps': ['own-unit', 'office'],
  // Which leader (or the office) may approve a phase is the plan's word: domain/campaign/approvers.ts.
  approvePhase: ['leader', 'office'],
  returnPhase: ['leader'],
  addUnit: ['office'],
  pauseReminders: ['office'],
  resumeReminders: ['office'],
  cancelCampaign: ['office'],
  // 领导接访日: the leader on duty (or the office for them) keeps the register; the domain checks who is on duty.
  recordReception: ['office', 'leader', 'rostered-unit'],
  substituteReception: ['office', 'leader'],
  pauseReceptions: ['office'],
  resumeReceptions: ['office'],
  // 督查: the office, or a leader on the duty's team; the domain checks who is on it (domain/campaign/duties.ts).
  recordFindings: ['office', 'leader'],
  // 考核评比: who scores which item, and which leader approves, is the plan's word (domain/assessment).
  submitScores: ['leader', 'assessor'],
  closeScoring: ['office', 'leader'],
  approveResult: ['leader'],
};

function isAction(value: string): value is Action {
  return Object.hasOwn(RULES, value);
}

/**
 * The action an update asks for: its name, or for a case event `caseEvent:<type>`. The workflow's
 * gate and the client's credential interceptor both decide with it, so they never disagree.
 */
export function actionOfUpdate(updateName: string, payload: unknown): Action | undefined {
  const type = typeof payload === 'object' && payload !== null ? (payload as { type?: unknown }).type : undefined;
  const name = updateName === 'caseEvent' ? `caseEvent:${String(type)}` : updateName;
  return isAction(name) ? name : undefined;
}

/** `unitId` is the unit whose workflow receives the action; undefined for the campaign workflow. */
export function mayAct(principal: Principal, action: Action, unitId?: string): boolean {
  const roles = RULES[action];
  if (principal === 'office') return roles.includes('office');
  if (principal.startsWith('leader:')) return roles.includes('leader');
  if (principal.startsWith('assessor:')) return roles.includes('assessor');
  if (roles.includes('rostered-unit') && unitId === undefined) return true;
  return roles.includes('own-unit') && unitId !== undefined && principal === `unit:${unitId}`;
}

const WORDS: Record<Action, string> = {
  submitReport: 'submit a report',
  extendDeadline: "extend a unit's deadline",
  fileCases: 'file cases',
  'caseEvent:file': 'file a case',
  'caseEvent:note': 'add a note to a case',
  'caseEvent:transfer': 'transfer a case',
  'caseEvent:escalate': 'escalate a case',
  'caseEvent:extend': "extend a case's deadline",
  'caseEvent:submitClosure': 'submit a closure report',
  'caseEvent:accept': 'accept a closure (销号)',
  'caseEvent:return': 'return a closure',
  'caseEvent:nextSteps': 'record next steps',
  approvePhase: 'approve a phase',
  returnPhase: 'return a phase',
  addUnit: 'add a unit',
  pauseReminders: 'pause reminders',
  resumeReminders: 'resume reminders',
  cancelCampaign: 'cancel the campaign',
  recordReception: 'record a reception (登记)',
  substituteReception: 'name a substitute (补位)',
  pauseReceptions: 'pause reception days (暂停接访)',
  resumeReceptions: 'resume reception days (恢复接访)',
  recordFindings: 'record supervision findings (督查)',
  submitScores: 'send scores (评分)',
  closeScoring: 'close scoring',
  approveResult: 'approve the assessment result (审定)',
};

/** An action in words, for a refusal. */
export const actionWords = (action: Action): string => WORDS[action];

/** Who may take an action, in words, for a refusal. */
export function whoMay(action: Action): string {
  const words = {
    office: 'the office',
    leader: 'the leading group',
    'own-unit': 'the unit itself',
    'rostered-unit': 'the unit head on duty',
    assessor: 'an assessor of the panel',
  };
  return RULES[action].map((r) => words[r]).join(' or ');
}
