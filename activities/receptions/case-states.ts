import type { Client } from '@temporalio/client';
import { casesQuery, unitWorkflowId } from '../../contracts';
import type { CaseStatus } from '../../domain/cases/case-schema';

export interface ReceptionCaseStatesInput {
  campaignId: string;
  cases: { unitId: string; caseId: string }[];
}

/**
 * Where each case handed over at a reception stands now (办理中, 待销号, 已销号), read from the
 * units' ledgers for the weekly summary and the monthly notice. A case that moved on or a unit
 * that does not answer is left out: the summary then names the case without its state.
 */
export function createReceptionCaseStatesActivity(client: Client) {
  return async function receptionCaseStates(input: ReceptionCaseStatesInput): Promise<Record<string, CaseStatus>> {
    const states: Record<string, CaseStatus> = {};
    for (const { unitId, caseId } of input.cases.slice(0, 200)) {
      const handle = client.workflow.getHandle(unitWorkflowId(input.campaignId, unitId));
      const found = await handle.query(casesQuery, { caseId }).catch(() => []);
      const status = found[0]?.status;
      if (status) states[caseId] = status;
    }
    return states;
  };
}
