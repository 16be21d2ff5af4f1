import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AccessRegistry } from '../domain/access/credential-chain';
import type { PlanClock } from '../domain/clock/plan-clock';
import type { Case } from '../domain/cases/case-schema';
import type { Plan } from '../domain/plan/schema';
import type {
  Pause,
  PauseInput,
  ReceptionProgrammeState,
  RecordReceptionInput,
  RegisteredVisitor,
  Substitution,
  SubstituteInput,
} from '../domain/receptions/register-schema';
import type { OnDuty, RotaEntry } from '../domain/receptions/rota';
import type { PeriodSummaries } from '../domain/receptions/period-summaries';
import type { ProgrammeSummary } from '../domain/receptions/summary';
import type { AsOf } from './common';
import type { CarriedMail } from './notification-context';

export {
  PauseInputSchema,
  RecordReceptionInputSchema,
  SubstituteInputSchema,
  type RecordReceptionInput,
  type SubstituteInput,
} from '../domain/receptions/register-schema';

/** The messages of a reception programme's workflow (领导接访日; see workflows/reception-programme-workflow.ts). */

/** One workflow per programme, beside the campaign's: `campaign:<id>:receptions:<programme>`. */
export function receptionWorkflowId(campaignId: string, programmeId: string): string {
  return `campaign:${campaignId}:receptions:${programmeId}`;
}

export interface ReceptionProgrammeInput {
  plan: Plan;
  programmeId: string;
  clock: PlanClock;
  /** Whether the campaign runs unit workflows (it has phases): only then can a hand-over file a case. */
  unitsRun: boolean;
  /** Chain ends of the office and the leaders for this workflow; absent without credentials. */
  access?: AccessRegistry;
  carried?: { state: ReceptionProgrammeState; mail?: CarriedMail };
}

export interface ReceptionProgrammeResult {
  held: number;
  missed: number;
}

export type ReceptionProgrammeWorkflow = (input: ReceptionProgrammeInput) => Promise<ReceptionProgrammeResult>;

export interface ReceptionView extends RotaEntry {
  onDuty: OnDuty | undefined;
  substitution?: Substitution;
  status: 'upcoming' | 'today' | 'held' | 'missed' | 'open' | 'paused';
  visitors: RegisteredVisitor[];
  noVisitors: boolean;
}

export interface RecordReceptionResult {
  receptionId: string;
  date: string;
  visitors: number;
  /** Cases filed in the units' ledgers for the visitors handed over by this record. */
  cases: {
    unitId: string;
    caseId?: string;
    error?: string;
    /** Held by the programme itself (a plan with receptions only). */
    held?: boolean;
  }[];
}

export interface ReceptionProgrammeView {
  programmeId: string;
  programmeName: string;
  nowMs: number;
  today: string;
  receptions: ReceptionView[];
  /** The year so far, for the campaign report. */
  summary: ProgrammeSummary;
  /** 每周汇总、每月通报 so far, for the campaign report. */
  periods: PeriodSummaries;
  /** Cases the programme holds itself (a plan with receptions only runs no unit ledger). */
  heldCases: Case[];
  /** The plan's leaders, any of whom may stand in (补位): for a form's choice. */
  leaders: { id: string; name: string; title?: string }[];
  /** Set while the office has the programme paused (暂停). */
  pausedSince?: number;
  pauseReason?: string;
}

export interface ReceptionViewFilter {
  from?: string;
  to?: string;
  asOf?: AsOf;
}

export const recordReceptionUpdate = defineUpdate<RecordReceptionResult, [RecordReceptionInput]>('recordReception');
export const substituteReceptionUpdate = defineUpdate<Substitution, [SubstituteInput]>('substituteReception');
/** The office pauses a programme and resumes it (暂停、恢复); the answer is the pause as it stands. */
export const pauseReceptionsUpdate = defineUpdate<Pause, [PauseInput]>('pauseReceptions');
export const resumeReceptionsUpdate = defineUpdate<Pause, [PauseInput]>('resumeReceptions');
export const receptionProgrammeQuery = defineQuery<ReceptionProgrammeView, [ReceptionViewFilter?]>(
  'receptionProgramme',
);
