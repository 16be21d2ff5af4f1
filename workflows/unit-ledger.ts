import { setHandler } from '@temporalio/workflow';
import { applyCaseEvent, fileCases, type BatchError } from '../domain/cases/case-ledger';
import { CaseEventSchema } from '../domain/cases/case-events';
import type { CaseCommand } from '../domain/cases/case-notices';
import type { CaseLedger } from '../domain/cases/case-schema';
import { ledgerStats, unreconciled } from '../domain/cases/ledger-stats';
import type { Audience, Unit } from '../domain/plan/schema';
import type { UnitState } from '../domain/unit/unit-state';
import {
  caseEventUpdate,
  casesQuery,
  fileCasesUpdate,
  FileCasesInputSchema,
  ledgerStatsQuery,
  type AsOf,
} from './messages';
import type { NotifyCommand } from './notifier';
import { parseOrReject, reject } from './reject';

/**
 * The ledger's messages on the unit workflow. Validators and handlers run the same pure checks
 * against the same state, so whatever a validator accepts the handler applies; every refusal goes
 * through reject() so a bad payload fails only its update, never the workflow task.
 */
export interface LedgerHost {
  unit: Unit;
  state: () => UnitState;
  /** Stores the new ledger and queues its notifications; the unit reports progress afterwards. */
  apply: (ledger: CaseLedger, commands: CaseCommand[]) => void;
  now: () => number;
  asOf: (asOf?: AsOf) => number;
}

const ERRORS_SHOWN = 10;

function describeBatch(errors: BatchError[]): string {
  const lines = errors
    .slice(0, ERRORS_SHOWN)
    .map((e) => `filing ${e.index + 1}${e.path && e.path.length > 0 ? ` (${e.path.join('.')})` : ''}: ${e.message}`);
  const more = errors.length > ERRORS_SHOWN ? `; and ${errors.length - ERRORS_SHOWN} more` : '';
  return `Nothing was filed: ${errors.length} filing(s) are invalid: ${lines.join('; ')}${more}`;
}

/** A unit files only its own cases; a filing without an owning unit is taken to be the unit's own. */
function ownFilings(unitId: string, filings: unknown[]): { filings: unknown[]; errors: BatchError[] } {
  const errors: BatchError[] = [];
  const own = filings.map((f, index) => {
    if (typeof f !== 'object' || f === null || Array.isArray(f)) return f;
    const owner = (f as { owningUnit?: unknown }).owningUnit;
    if (owner === undefined) return { ...f, owningUnit: unitId };
    if (owner !== unitId) {
      const message = `the case belongs to ${JSON.stringify(owner)}; file it with that unit's workflow`;
      errors.push({ index, code: 'other_unit', message, path: ['owningUnit'] });
    }
    return f;
  });
  return { filings: own, errors };
}

function refuseWhenEnded(state: UnitState): void {
  if (state.ended) reject({ code: 'campaign_ended', message: 'the campaign has ended; its ledger is closed' });
}

export function installLedgerHandlers(host: LedgerHost): void {
  const filing = (raw: unknown) => {
    refuseWhenEnded(host.state());
    const request = parseOrReject(FileCasesInputSchema, raw);
    const own = ownFilings(host.unit.id, request.filings);
    if (own.errors.length > 0) reject({ code: 'invalid_filings', message: describeBatch(own.errors) });
    // The ledger's input type is the filing schema's; fileCases parses every row again, so unknown is safe here.
    const filings = own.filings as Parameters<typeof fileCases>[1];
    const outcome = fileCases(host.state().ledger, filings, request.by, host.now(), { notify: request.notify });
    if (!outcome.ok) return reject({ code: 'invalid_filings', message: describeBatch(outcome.errors) });
    return outcome;
  };
  setHandler(
    fileCasesUpdate,
    (raw) => {
      const outcome = filing(raw);
      host.apply(outcome.ledger, outcome.commands);
      return { filed: outcome.filed, duplicates: outcome.duplicates };
    },
    { validator: (raw) => void filing(raw) },
  );

  const changing = (raw: unknown) => {
    refuseWhenEnded(host.state());
    const event = parseOrReject(CaseEventSchema, raw);
    if (event.type === 'file') reject({ code: 'use_file_cases', message: 'file cases with the fileCases update' });
    // Transfer moves a case between unit workflows, which needs a hand-over protocol not built yet.
    if (event.type === 'transfer')
      reject({ code: 'not_supported', message: 'transferring a case is not supported yet' });
    const outcome = applyCaseEvent(host.state().ledger, event, host.now());
    if (!outcome.ok) return reject(outcome.error);
    return { caseId: event.caseId, outcome };
  };
  setHandler(
    caseEventUpdate,
    (raw) => {
      const { caseId, outcome } = changing(raw);
      host.apply(outcome.ledger, outcome.commands);
      const status = outcome.ledger.cases.find((c) => c.id === caseId)?.status ?? 'open';
      return { caseId, status };
    },
    { validator: (raw) => void changing(raw) },
  );

  setHandler(casesQuery, (filter) => {
    const { ledger } = host.state();
    const cases = filter?.unreconciled ? unreconciled(ledger) : ledger.cases;
    return filter?.status === undefined ? cases : cases.filter((c) => c.status === filter.status);
  });
  setHandler(ledgerStatsQuery, (asOf) => ledgerStats(host.state().ledger, host.asOf(asOf)));
}

// Only these case notices exist in the notification contract (domain/notifications/notification.ts).
// The others (transferred, escalated, deadline extended, closure submitted, closed) are skipped until
// the contract and the mail templates gain them; the case history still records every event.
/** Turns a ledger command into a notification, or undefined for a kind that cannot be mailed yet. */
export function caseNotification(command: CaseCommand): NotifyCommand | undefined {
  const { body } = command;
  if (body.kind !== 'case_assigned' && body.kind !== 'case_overdue' && body.kind !== 'closure_returned') {
    return undefined;
  }
  const audience: Audience[] = [];
  const people: NonNullable<NotifyCommand['people']> = [];
  for (const who of command.audience) {
    if (typeof who === 'object' && 'person' in who) people.push({ ...who.person, role: 'case-leader' });
    else audience.push(who);
  }
  return { eventKey: command.eventKey, atMs: command.atMs, audience, people, body };
}
