import type { ReceptionHost } from './reception-host';
import { ledger } from './activity-proxies';
import { parseOrReject, reject } from './reject';
import { setGuardedUpdate } from './validated-update';
import {
  recordReceptionUpdate,
  substituteReceptionUpdate,
  RecordReceptionInputSchema,
  SubstituteInputSchema,
  type RecordReceptionResult,
} from '../contracts/receptions';
import { caseForHandOver } from '../domain/receptions/handover';
import { applyRecord, planRecord, planSubstitute } from '../domain/receptions/register';
import { holdHandOver } from './reception-held-cases';
import { substitutionNotices } from './reception-notices';

function decided<T>(decision: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!decision.ok) reject(decision.error);
  return decision.value;
}

/** Files one handed-over matter in its unit's ledger; a refusal is kept with the visitor, never lost. */
type FilingOutcome = { caseId: string; held?: true; error?: undefined } | { caseId?: undefined; error: string };

async function fileHandOver(
  host: ReceptionHost,
  filing: Parameters<typeof caseForHandOver>[1],
  by: string,
): Promise<FilingOutcome> {
  if (!host.unitsRun) return holdHandOver(host, filing, by);
  const built = caseForHandOver(host.ctx.plan, filing, by, host.now());
  if (!built.ok) return { error: built.message };
  try {
    const result = await ledger.transferCase({
      campaignId: host.ctx.plan.campaign.id,
      toUnit: filing.owningUnit,
      receive: {
        transferId: `reception:${filing.id ?? ''}`,
        fromUnit: host.ctx.programme.id,
        case: built.case,
        commands: built.commands,
      },
    });
    return { caseId: result.caseId };
  } catch (err) {
    // The unit's refusal is the activity failure's cause; `instanceof` is unreliable in the sandbox.
    const cause = (err as { cause?: { message?: unknown } }).cause;
    return { error: typeof cause?.message === 'string' ? cause.message : String(err) };
  }
}

/** The register (登记) and substitution (补位) updates; the validator and the handler ask the same domain rule. */
export function registerReceptionHandlers(host: ReceptionHost): void {
  setGuardedUpdate(
    substituteReceptionUpdate,
    host.gate,
    'substituteReception',
    (raw) => decided(planSubstitute(host.ctx, host.state(), parseOrReject(SubstituteInputSchema, raw), host.now())),
    (substitution) => {
      const state = host.state();
      host.setState({ ...state, substitutions: { ...state.substitutions, [substitution.receptionId]: substitution } });
      host.notifier.dispatchAll(substitutionNotices(host.ctx, substitution, host.now()));
      return substitution;
    },
  );

  setGuardedUpdate(
    recordReceptionUpdate,
    host.gate,
    'recordReception',
    (raw) => {
      const input = parseOrReject(RecordReceptionInputSchema, raw);
      return { input, plan: decided(planRecord(host.ctx, host.state(), input, host.now())) };
    },
    async ({ input, plan }): Promise<RecordReceptionResult> => {
      host.setState(applyRecord(host.state(), plan, input, host.now()));
      const cases: RecordReceptionResult['cases'] = [];
      for (const { visitorIndex, filing } of plan.filings) {
        const outcome = await fileHandOver(host, filing, input.by);
        cases.push({ unitId: filing.owningUnit, ...outcome });
        // Read the state again: other records may have landed while the unit took the case.
        const state = host.state();
        const record = state.records[plan.entry.id];
        if (!record) continue;
        const visitors = record.visitors.map((v, i) =>
          i !== visitorIndex
            ? v
            : { ...v, ...(outcome.caseId ? { caseId: outcome.caseId } : { filingError: outcome.error }) },
        );
        host.setState({ ...state, records: { ...state.records, [plan.entry.id]: { ...record, visitors } } });
      }
      return { receptionId: plan.entry.id, date: plan.entry.date, visitors: input.visitors.length, cases };
    },
  );
}
