import { setHandler, workflowInfo } from '@temporalio/workflow';
import { CaseEventSchema } from '../domain/cases/case-events';
import type { CaseCommand } from '../domain/cases/case-notices';
import { ledgerStats } from '../domain/cases/ledger-stats';
import type { Audience } from '../domain/plan/schema';
import { planFiling } from '../domain/unit/ledger-filing';
import { applyFilingPlan, filterCases, planCaseChange } from '../domain/unit/unit-cases';
import { actionOfUpdate, type Action } from '../domain/access/permissions';
import { transferHandlers } from './case-transfer';
import type { LedgerHost } from './ledger-host';
import { setGuardedUpdate } from './validated-update';
import { caseEventUpdate, casesQuery, fileCasesUpdate, FileCasesInputSchema, ledgerStatsQuery } from '../contracts';
import { casesPageQuery } from '../contracts/ledger-messages';
import { checkHistoryRoom, pageOf, wholeListing } from '../domain/cases/ledger-limits';
import { encodedBytes } from '../domain/plan/plan-limits';
import type { NotifyCommand } from './notifier';
import { parseOrReject, reject } from './reject';

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
    const full = checkHistoryRoom(workflowInfo().historySize, encodedBytes(request));
    if (full !== undefined) return reject(full);
    const plan = planFiling(host.state(), request, host.now());
    if (!plan.ok) return reject(plan.error);
    return { request, plan };
  };
  setGuardedUpdate(fileCasesUpdate, host.gate, 'fileCases', filing, ({ request, plan }) => {
    const applied = applyFilingPlan(host.state(), plan, request.importId);
    host.apply(applied.state, applied.commands);
    if (plan.kind === 'staged') return { filed: [], duplicates: [], staged: plan.staged.rows };
    return { filed: plan.outcome.filed, duplicates: plan.outcome.duplicates };
  });

  const transfers = transferHandlers(host);
  const changing = (raw: unknown) => {
    const outcome = planCaseChange(host.state(), parseOrReject(CaseEventSchema, raw), host.now());
    if (!outcome.ok) return reject(outcome.error);
    return outcome;
  };
  setGuardedUpdate(caseEventUpdate, host.gate, caseAction, changing, (outcome) => {
    const { event } = outcome;
    if (event.type === 'transfer') return transfers.send(event, outcome.ledger, outcome.commands);
    host.apply({ ...host.state(), ledger: outcome.ledger }, outcome.commands);
    const status = outcome.ledger.cases.find((c) => c.id === event.caseId)?.status ?? 'open';
    return { caseId: event.caseId, status, unitId: host.unit.id };
  });

  // The whole listing in one answer only while it fits one page; a bigger one is refused, not cut short.
  setHandler(casesQuery, (filter) => {
    const listing = wholeListing(filterCases(host.state().ledger, filter ?? {}, host.asOf(filter?.asOf)));
    return listing.ok ? listing.items : reject(listing);
  });
  // A listing of thousands of cases comes in pages: one answer is one payload (2 MB at most).
  setHandler(casesPageQuery, (request) =>
    pageOf(filterCases(host.state().ledger, request ?? {}, host.asOf(request?.asOf)), request?.from ?? 0),
  );
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
