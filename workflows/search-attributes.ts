import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { upsertSearchAttributes } from '@temporalio/workflow';
import {
  CampaignIdAttribute,
  CampaignKindAttribute,
  CampaignMarksAttribute,
  CampaignOverdueAttribute,
  CampaignOwedAttribute,
  CampaignPhaseAttribute,
  CampaignRehearsalAttribute,
  CampaignStateAttribute,
  CampaignUnitAttribute,
} from '../contracts/search-attributes';
import type { SearchValues } from '../domain/campaign/search-values';

export type WorkflowKind = 'campaign' | 'unit' | 'phase-report' | 'reception' | 'assessment';

export interface Identity {
  kind: WorkflowKind;
  campaignId: string;
  unitId?: string;
  rehearsal: boolean;
}

/**
 * Keeps a workflow's search attributes up to date: who it is once, then its phase, state and counts
 * whenever they change (each upsert is a history event, so an unchanged picture sends none). Does
 * nothing for a campaign started on a namespace without them (client/search-attribute-check.ts).
 */
export function createSearchAttributes(enabled: boolean | undefined, identity: Identity) {
  let last: string | undefined;
  let identified = false;
  return (values?: SearchValues): void => {
    if (enabled !== true) return;
    const pairs: SearchAttributeUpdatePair[] = [];
    if (!identified) {
      identified = true;
      pairs.push(
        { key: CampaignIdAttribute, value: identity.campaignId },
        { key: CampaignKindAttribute, value: identity.kind },
        { key: CampaignRehearsalAttribute, value: identity.rehearsal },
      );
      if (identity.unitId !== undefined) pairs.push({ key: CampaignUnitAttribute, value: identity.unitId });
    }
    const text = JSON.stringify(values ?? null);
    if (values !== undefined && text !== last) {
      last = text;
      pairs.push(
        { key: CampaignPhaseAttribute, value: values.phase ?? null },
        { key: CampaignStateAttribute, value: values.state },
        { key: CampaignOwedAttribute, value: values.owed },
        { key: CampaignOverdueAttribute, value: values.overdue },
        { key: CampaignMarksAttribute, value: values.marks },
      );
    }
    if (pairs.length > 0) upsertSearchAttributes(pairs);
  };
}
