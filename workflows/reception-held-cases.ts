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
 * leaders are told exactly as a unit's ledger would tell them. Holding it here was chosen over
 * starting unit workflows for a plan that has nothing else for them to do.
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
  const unit = plan.units.find((u) => u.id === filing.owningUnit);
  const commands: NotifyCommand[] = built.commands.map((command) => {
    const words = command.audience.flatMap((who) => (typeof who === 'object' && 'person' in who ? [] : [who]));
    const named = command.audience.flatMap((who) =>
      typeof who === 'object' && 'person' in who ? [{ ...who.person, role: 'case-leader' }] : [],
    );
    // The programme's notifier knows no unit: the unit's head and contact are named here.
    const resolved = resolveAudience(words, { ...plan, unit, office: plan.office });
    return {
      eventKey: command.eventKey,
      atMs: command.atMs,
      audience: [],
      people: [...resolved.to, ...named],
      body: command.body,
    };
  });
  host.notifier.dispatchAll(commands);
  return { caseId: built.case.id, held: true };
}

/** Where each held case stands, for the summaries. */
export function heldCaseStates(state: ReceptionProgrammeState): Record<string, CaseStatus> {
  return Object.fromEntries(Object.values(state.heldCases ?? {}).map((c) => [c.id, c.status]));
}
