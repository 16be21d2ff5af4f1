import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * What an operator finds and sorts workflows by in the Web UI and `temporal workflow list --query`,
 * readable without the codec: search attributes are indexed in clear by the server. So they hold ids,
 * kinds, phases, states and counts only, never a name, a contact, a title or case text.
 *
 * A namespace must have them registered before a workflow may set them: `campaign server` does so
 * for its dev server; a production cluster once per namespace (docs/operations.md). A campaign is
 * started with them only when its namespace has every one (client/search-attribute-check.ts).
 */
export const CampaignIdAttribute = defineSearchAttributeKey('CampaignId', SearchAttributeType.KEYWORD);
/** The unit a unit workflow runs for (its id, as in the plan). */
export const CampaignUnitAttribute = defineSearchAttributeKey('CampaignUnitId', SearchAttributeType.KEYWORD);
/** `campaign`, `unit`, `phase-report`, `reception`, `assessment`. */
export const CampaignKindAttribute = defineSearchAttributeKey('CampaignWorkflowKind', SearchAttributeType.KEYWORD);
/** The id of the campaign's current phase (the last one open). */
export const CampaignPhaseAttribute = defineSearchAttributeKey('CampaignPhase', SearchAttributeType.KEYWORD);
export const CampaignRehearsalAttribute = defineSearchAttributeKey('CampaignRehearsal', SearchAttributeType.BOOL);
/** `running`, `completed`, `cancelled` for a campaign; `open` or `ended` for a unit. */
export const CampaignStateAttribute = defineSearchAttributeKey('CampaignState', SearchAttributeType.KEYWORD);
/** Reports owed and not yet in (on time or not), overdue among them, accountability marks. */
export const CampaignOwedAttribute = defineSearchAttributeKey('CampaignReportsOwed', SearchAttributeType.INT);
export const CampaignOverdueAttribute = defineSearchAttributeKey('CampaignReportsOverdue', SearchAttributeType.INT);
export const CampaignMarksAttribute = defineSearchAttributeKey('CampaignMarks', SearchAttributeType.INT);

export const CAMPAIGN_SEARCH_ATTRIBUTES = [
  CampaignIdAttribute,
  CampaignUnitAttribute,
  CampaignKindAttribute,
  CampaignPhaseAttribute,
  CampaignRehearsalAttribute,
  CampaignStateAttribute,
  CampaignOwedAttribute,
  CampaignOverdueAttribute,
  CampaignMarksAttribute,
] as const;

/** The CLI's spelling of each type, for `temporal server start-dev --search-attribute` and `operator search-attribute create`. */
const CLI_TYPE: Record<string, string> = { KEYWORD: 'Keyword', INT: 'Int', BOOL: 'Bool' };

export function searchAttributeFlags(): string[] {
  return CAMPAIGN_SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=${CLI_TYPE[key.type]}`]);
}
