import { setHandler } from '@temporalio/workflow';
import { applyCaseEvent } from '../domain/cases/case-ledger';
import { CaseEventSchema } from '../domain/cases/case-events';
import type { CaseCommand } from '../domain/cases/case-notices';
import type { CaseLedger } from '../domain/cases/case-schema';
import { isOverdue, ledgerStats, unreconciled } from '../domain/cases/ledger-stats';
import type { Audience } from '../domain/plan/schema';
import { planFiling } from '../domain/unit/ledger-filing';
import { actionOfUpdate, type Action } from '../domain/access/permissions';
import { transferHandlers } from './case-transfer';
import type { LedgerHost } from './ledger-host';
import { setGuardedUpdate } from './validated-update';
import {
  caseEventUpdate,
  casesQuery,
  fileCasesUpdate,
  FileCasesInputSchema,
  ledgerStatsQuery,
  type CasesFilter,
} from '../contracts';
import type { NotifyCommand } from './notifier';
import { parseOrReject, reject } from './reject';

function filterCases(ledger: CaseLedger, filter: CasesFilter, nowMs: number) {
  let cases = filter.unreconciled ? unreconciled(ledger) : ledger.cases;
  if (filter.caseId !== undefined) cases = cases.filter((c) => c.id === filter.caseId);
  if (filter.status !== undefined) cases = cases.filter((c) => c.status === filter.status);
  if (filter.overdue) cases = cases.filter((c) => isOverdue(c, nowMs));
  return cases;
}

/** The action a case event asks for; a malformed type is checked as a note, then refused by the schema. */
function caseAction(raw: unknown): Action {
  return actionOfUpdate('caseEvent', raw) ?? 'caseEvent:note';
}

/**
 * The ledger's messages on the unit workflow. Validators and handlers run the same pure checks
 * against the same state, so whatever a validator accepts the handler applies; every refusal goes
 * through reject() so a bad payload fails only its update, never the workflow task.
 */
export function installLedgerHandlers(host: LedgerHost): void {
  const filing = (raw: unknown) => {
    const request = parseOrReject(FileCasesInputSchema, raw);
    const plan = planFiling(host.state(), request, host.now());
    if (!plan.ok) return reject(plan.error);
    return { request, plan };
  };
  setGuardedUpdate(fileCasesUpdate, host.gate, 'fileCases', filing, ({ request, plan }) => {
    const state = host.state();
    if (plan.kind === 'staged') {
      host.apply({ ...state, staged: plan.staged }, []);
      return { filed: [], duplicates: [], staged: plan.staged.filings.length };
    }
    // A committed import leaves nothing staged; a single filing leaves an import in progress alone.
    const staged = request.importId === undefined ? state.staged : undefined;
    host.apply({ ...state, ledger: plan.outcome.ledger, staged }, plan.outcome.commands);
    return { filed: plan.outcome.filed, duplicates: plan.outcome.duplicates };
  });

  const transfers = transferHandlers(host);
  const changing = (raw: unknown) => {
    if (host.state().ended) reject({ code: 'campaign_ended', message: 'the campaign has ended; its ledger is closed' });
    const event = parseOrReject(CaseEventSchema, raw);
    if (event.type === 'file') return reject({ code: 'use_file_cases', message: 'file cases with fileCases' });
    const { ledger } = host.state();
    // A unit's ledger names only its own unit; the receiving unit's existence is checked by the transfer itself.
    const subject = event.type === 'transfer' ? transfers.withTarget(ledger, event.toUnit) : ledger;
    const outcome = applyCaseEvent(subject, event, host.now());
    if (!outcome.ok) return reject(outcome.error);
    return { event, outcome };
  };
  setGuardedUpdate(caseEventUpdate, host.gate, caseAction, changing, ({ event, outcome }) => {
    if (event.type === 'transfer') return transfers.send(event, outcome.ledger, outcome.commands);
    host.apply({ ...host.state(), ledger: outcome.ledger }, outcome.commands);
    const status = outcome.ledger.cases.find((c) => c.id === event.caseId)?.status ?? 'open';
    return { caseId: event.caseId, status, unitId: host.unit.id };
  });

  setHandler(casesQuery, (filter) => filterCases(host.state().ledger, filter ?? {}, host.asOf(filter?.asOf)));
  setHandler(ledgerStatsQuery, (asOf) => ledgerStats(host.state().ledger, host.asOf(asOf)));
}

/** Turns a ledger command into a notification: plan audiences by word, outside leaders by address. */
export function caseNotification(command: CaseCommand): NotifyCommand {
  const audience: Audience[] = [];
  const people: NonNullable<NotifyCommand['people']> = [];
  for (const who of command.audience) {
    if (typeof who === 'object' && 'person' in who) people.push({ ...who.person, role: 'case-leader' });
    else audience.push(who);
  }
  return { eventKey: command.eventKey, atMs: command.atMs, audience, people, body: command.body };
}
