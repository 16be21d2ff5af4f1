import type { Client } from '@temporalio/client';
import { CAMPAIGN_SEARCH_ATTRIBUTES } from '../contracts/search-attributes';

/**
 * Whether the namespace has every campaign search attribute registered. A workflow that sets one the
 * namespace lacks fails its task, again and again; so a campaign sets them only when this says yes,
 * and runs without them (found by id, as before) on a namespace nobody prepared, or where listing
 * them is not allowed (Temporal Cloud keys without the operator role).
 */
export async function namespaceHasCampaignAttributes(client: Client): Promise<boolean> {
  try {
    const { customAttributes } = await client.connection.operatorService.listSearchAttributes({
      namespace: client.options.namespace,
    });
    const registered = new Set(Object.keys(customAttributes ?? {}));
    return CAMPAIGN_SEARCH_ATTRIBUTES.every((key) => registered.has(key.name));
  } catch {
    return false;
  }
}
