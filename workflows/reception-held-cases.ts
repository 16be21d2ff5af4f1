import { fireCaseEscalations, nextCaseEscalationMs } from '../domain/cases/case-escalation';
import type { CaseCommand } from '../domain/cases/case-notices';
import { caseLedgerContextFromPlan, createCaseLedger } from '../domain/cases/ledger-context';
import type { Plan } from '../domain/plan/schema';
import { caseForHandOver } from '../domain/receptions/handover';
import { resolveAudience } from '../domain/notifications/audience';
import type { CaseFiling, CaseStatus } from '../domain/cases/case-schema';
import type { ReceptionProgrammeState } from '../domain/receptions/register-schema';
import type { ReceptionHost } from './reception-host';
import type { NotifyCommand } from './notifier';

/**
 * A hand-over in a plan with receptions only (no phases, so no unit ledger runs): the programme
 * files the case by the ledger's own rules and holds it in its state, so it has an id, a handler,
 * a deadline and a 包案领导, appears in the summaries and the report, and the unit and the handler's
 * leaders are told exactly as a unit's ledger would tell them, and its overdue ladder climbs on
 * the programme's timers. Holding it here was chosen over starting unit workflows for a plan that
 * has nothing else for them to do; 销号 and transfers still need a unit ledger.
 */
export function holdHandOver(
  host: ReceptionHost,
  filing: CaseFiling,
  by: string,
): { caseId: string; held: true; error?: undefined } | { caseId?: undefined; error: string } {
  const plan = host.ctx.plan;
  const held = host.state().heldCases ?? {};
  if (filing.id !== undefined && held[filing.id]) return { caseId: filing.id, held: true };
  const built = caseForHandOver(plan, filing, by, host.now());
  if (!built.ok) return { error: built.message };
  const state = host.state();
  host.setState({ ...state, heldCases: { ...(state.heldCases ?? {}), [built.case.id]: built.case } });
  host.notifier.dispatchAll(caseNotices(plan, built.commands));
  return { caseId: built.case.id, held: true };
}

/** Where each held case stands, for the summaries. */
export function heldCaseStates(state: ReceptionProgrammeState): Record<string, CaseStatus> {
  return Object.fromEntries(Object.values(state.heldCases ?? {}).map((c) => [c.id, c.status]));
}

/** Case notices as mail: the programme's notifier knows no unit, so each unit's head and contact are named. */
function caseNotices(plan: Plan, commands: CaseCommand[]): NotifyCommand[] {
  return commands.map((command) => {
    const unit = plan.units.find((u) => u.id === command.unitId);
    const words = command.audience.flatMap((who) => (typeof who === 'object' && 'person' in who ? [] : [who]));
    const named = command.audience.flatMap((who) =>
      typeof who === 'object' && 'person' in who ? [{ ...who.person, role: 'case-leader' }] : [],
    );
    const resolved = resolveAudience(words, { ...plan, unit, office: plan.office });
    return {
      eventKey: command.eventKey,
      atMs: command.atMs,
      audience: [],
      people: [...resolved.to, ...named],
      body: command.body,
    };
  });
}

const heldLedger = (plan: Plan, state: ReceptionProgrammeState) => ({
  ...createCaseLedger(caseLedgerContextFromPlan(plan)),
  cases: Object.values(state.heldCases ?? {}),
});

/** When the next step of a held case's overdue ladder is due, if any. */
export function nextHeldLadderMs(plan: Plan, state: ReceptionProgrammeState): number | undefined {
  return state.heldCases ? nextCaseEscalationMs(heldLedger(plan, state)) : undefined;
}

/** Sends the ladder steps of held cases that are due, as a unit's ledger would. */
export function climbHeldLadder(host: Pick<ReceptionHost, 'ctx' | 'state' | 'setState' | 'notifier'>, nowMs: number) {
  const state = host.state();
  if (!state.heldCases) return;
  const fired = fireCaseEscalations(heldLedger(host.ctx.plan, state), nowMs);
  if (fired.commands.length === 0) return;
  host.setState({ ...state, heldCases: Object.fromEntries(fired.ledger.cases.map((c) => [c.id, c])) });
  host.notifier.dispatchAll(caseNotices(host.ctx.plan, fired.commands));
}

/** How many cases the programme holds: a new one may bring an earlier ladder step. */
export const heldCount = (state: ReceptionProgrammeState): number => Object.keys(state.heldCases ?? {}).length;
