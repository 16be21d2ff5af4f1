import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AccessRegistry } from '../domain/access/credential-chain';
import type { PlanClock } from '../domain/clock/plan-clock';
import type { Plan } from '../domain/plan/schema';
import type {
  ReceptionProgrammeState,
  RecordReceptionInput,
  RegisteredVisitor,
  Substitution,
  SubstituteInput,
} from '../domain/receptions/register-schema';
import type { OnDuty, RotaEntry } from '../domain/receptions/rota';
import type { ProgrammeSummary } from '../domain/receptions/summary';
import type { AsOf } from './common';
import type { CarriedMail } from './notification-context';

export {
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
  status: 'upcoming' | 'today' | 'held' | 'missed' | 'open';
  visitors: RegisteredVisitor[];
  noVisitors: boolean;
}

export interface RecordReceptionResult {
  receptionId: string;
  date: string;
  visitors: number;
  /** Cases filed in the units' ledgers for the visitors handed over by this record. */
  cases: { unitId: string; caseId?: string; error?: string }[];
}

export interface ReceptionProgrammeView {
  programmeId: string;
  programmeName: string;
  nowMs: number;
  today: string;
  receptions: ReceptionView[];
  /** The year so far, for the campaign report. */
  summary: ProgrammeSummary;
}

export interface ReceptionViewFilter {
  from?: string;
  to?: string;
  asOf?: AsOf;
}

export const recordReceptionUpdate = defineUpdate<RecordReceptionResult, [RecordReceptionInput]>('recordReception');
export const substituteReceptionUpdate = defineUpdate<Substitution, [SubstituteInput]>('substituteReception');
export const receptionProgrammeQuery = defineQuery<ReceptionProgrammeView, [ReceptionViewFilter?]>(
  'receptionProgramme',
);
