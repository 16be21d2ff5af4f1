import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { CASE_STATUSES, type Case, type CaseStatus } from '../domain/cases/case-schema';
import type { CaseEventInput } from '../domain/cases/case-events';
import type { CaseCommand } from '../domain/cases/case-notices';
import { LEDGER_LIMITS, type Page } from '../domain/cases/ledger-limits';
import type { LedgerStats } from '../domain/cases/ledger-stats';
import { IdSchema } from '../domain/plan/schema';
import { ActorSchema, type AsOf } from './common';

/** The ledger's messages, taken by the unit workflow: a unit's cases live with its deliverables. */
/**
 * Filing opens when the plan's first phase with `casesFiling` opens and stays open until the
 * campaign ends: new cases found after the ledger was reported are filed at once
 * (上报后再出现新发问题随时上报). The ledger checks every filing itself, so the envelope only
 * bounds the batch: 200 rows keep one update far below the 2 MB payload limit. A larger file is
 * sent as a chunked import (importId, chunk, chunks): the unit stages the chunks and files them all
 * when the last arrives, so a file is imported whole or not at all.
 */
export const FILINGS_PER_UPDATE = LEDGER_LIMITS.batchRows;
export const FileCasesInputSchema = z
  .object({
    filings: z.array(z.unknown()).min(1, 'file at least one case').max(FILINGS_PER_UPDATE),
    by: ActorSchema,
    /** A bulk import of the unit's own ledger may skip the per-case mails (see FileOptions). */
    notify: z.boolean().optional(),
    importId: IdSchema.optional(),
    chunk: z.number().int().nonnegative().optional(),
    chunks: z.number().int().positive().max(1000).optional(),
  })
  .refine((r) => [r.importId, r.chunk, r.chunks].every((v) => v === undefined) || r.importId !== undefined, {
    message: 'a chunked import names importId, chunk and chunks together',
    path: ['importId'],
  })
  .refine((r) => r.importId === undefined || (r.chunk !== undefined && r.chunks !== undefined), {
    message: 'a chunked import names importId, chunk and chunks together',
    path: ['chunk'],
  });
export type FileCasesInput = z.input<typeof FileCasesInputSchema>;

export interface FileCasesResult {
  filed: string[];
  /** Filings already in the ledger, by their index in the request (the whole import): skipped, not doubled. */
  duplicates: { index: number; caseId: string }[];
  /** For a chunk of an import that is not its last: rows staged so far, nothing filed yet. */
  staged?: number;
}

export interface CaseEventResult {
  caseId: string;
  /** 'transferred' when the case left this unit's ledger. */
  status: CaseStatus | 'transferred';
  /** The unit that holds the case now. */
  unitId: string;
}

export interface CasesFilter {
  status?: CaseStatus;
  /** Only cases neither closed nor given next steps (the tick-off list). */
  unreconciled?: boolean;
  /** Only open cases past their deadline at `asOf` (the caller's clock, see AsOf). */
  overdue?: boolean;
  asOf?: AsOf;
  caseId?: string;
}

/** A page of a unit's cases: `from` is the `next` of the page before (domain/cases/ledger-limits.ts). */
export interface CasesPageRequest extends CasesFilter {
  from?: number;
}

/** A case handed over by another unit, with its history; `transferId` makes a re-delivery harmless. */
export interface ReceiveCaseInput {
  transferId: string;
  fromUnit: string;
  case: Case;
  /** The notices of the transfer, sent by the receiving unit to its own head and contact. */
  commands: CaseCommand[];
}

// The receiving side trusts the shape only as far as it relies on it; the sender is our own activity.
const ReceivedCaseSchema = z.looseObject({
  id: IdSchema,
  title: z.string(),
  owningUnit: IdSchema,
  category: z.string(),
  fingerprint: z.string(),
  status: z.enum(CASE_STATUSES),
  dueAtMs: z.number(),
  priority: z.array(z.string()),
  escalations: z.array(z.unknown()),
  history: z.array(z.unknown()),
});
/** What the receiving unit's validator checks of a hand-over (ReceiveCaseInput). */
export const ReceiveCaseInputSchema = z.object({
  transferId: z.string().min(1),
  fromUnit: IdSchema,
  case: ReceivedCaseSchema,
  commands: z.array(z.looseObject({ eventKey: z.string(), body: z.looseObject({ kind: z.string() }) })),
});

export const fileCasesUpdate = defineUpdate<FileCasesResult, [FileCasesInput]>('fileCases');
/** One case event (note, transfer, escalate, extend, submitClosure, accept, return, nextSteps). */
export const caseEventUpdate = defineUpdate<CaseEventResult, [CaseEventInput]>('caseEvent');
export const receiveCaseUpdate = defineUpdate<CaseEventResult, [ReceiveCaseInput]>('receiveCase');
/** Every case the filter asks for in one answer: for small ledgers; a listing pages with casesPageQuery. */
export const casesQuery = defineQuery<Case[], [CasesFilter?]>('cases');
/** One page of the cases the filter asks for, never over a quarter of the payload limit. */
export const casesPageQuery = defineQuery<Page<Case>, [CasesPageRequest?]>('casesPage');
export const ledgerStatsQuery = defineQuery<LedgerStats, [AsOf?]>('ledgerStats');
