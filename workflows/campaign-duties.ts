import { RecordFindingsInputSchema, recordFindingsUpdate, type RecordFindingsResult } from '../contracts';
import { attachFindingCase, planFindings, recordFindings, type RecordFindingsRequest } from '../domain/campaign/duties';
import { caseForHandOver } from '../domain/receptions/handover';
import { ledger } from './activity-proxies';
import type { CampaignAccessHolder } from './campaign-access';
import type { CampaignRun } from './campaign-run';
import { parseOrReject, reject } from './reject';
import { setGuardedUpdate } from './validated-update';

/**
 * The office's and the supervision teams' duties (督查, 暗查): their findings are recorded on the
 * campaign, and a finding with a case is handed to its unit's ledger by the transfer activity, as a
 * reception hands over a matter. The validator and the handler ask the same rule on the same state.
 */
export function installDutyActions(run: CampaignRun, { gate }: CampaignAccessHolder): void {
  const { plan } = run;
  setGuardedUpdate(
    recordFindingsUpdate,
    gate,
    'recordFindings',
    (raw) => {
      const request: RecordFindingsRequest = parseOrReject(RecordFindingsInputSchema, raw);
      const decision = planFindings(plan, run.state(), request, run.now());
      if (!decision.ok) reject(decision.error);
      return { request, plan: decision.value };
    },
    async ({ request, plan: planned }): Promise<RecordFindingsResult> => {
      const first = run.state().duties?.[planned.key]?.findings.length ?? 0;
      run.take({ state: recordFindings(plan, run.state(), request, planned.key, run.now()), commands: [] });
      const cases: RecordFindingsResult['cases'] = [];
      for (const { index, filing } of planned.filings) {
        const outcome = await fileFindingCase(run, filing, request.by);
        cases.push({ unitId: filing.owningUnit, ...outcome });
        // Read the state again: other records may have landed while the unit took the case.
        run.take({ state: attachFindingCase(run.state(), planned.key, first + index, outcome), commands: [] });
      }
      return { dutyId: request.dutyId, recorded: request.findings.length, done: request.done, cases };
    },
  );
}

async function fileFindingCase(
  run: CampaignRun,
  filing: Parameters<typeof caseForHandOver>[1],
  by: string,
): Promise<{ caseId?: string; error?: string }> {
  const built = caseForHandOver(run.plan, filing, by, run.now());
  if (!built.ok) return { error: built.message };
  try {
    const result = await ledger.transferCase({
      campaignId: run.plan.campaign.id,
      toUnit: filing.owningUnit,
      receive: {
        transferId: `finding:${filing.id ?? ''}`,
        fromUnit: 'office',
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
