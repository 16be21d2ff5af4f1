import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Client } from '@temporalio/client';
import { describe, expect, inject, it } from 'vitest';
import { namespaceHasCampaignAttributes } from '../../client/search-attribute-check';
import { campaignWorkflowId, unitWorkflowId } from '../../contracts';
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
} from '../../contracts/search-attributes';
import { temporalAddress } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { startOneUnitCampaign } from '../support/one-unit-campaign';

async function attributesOf(client: Client, workflowId: string) {
  const { typedSearchAttributes: found } = await client.workflow.getHandle(workflowId).describe();
  return {
    campaignId: found.get(CampaignIdAttribute),
    unitId: found.get(CampaignUnitAttribute),
    kind: found.get(CampaignKindAttribute),
    phase: found.get(CampaignPhaseAttribute),
    rehearsal: found.get(CampaignRehearsalAttribute),
    state: found.get(CampaignStateAttribute),
    owed: found.get(CampaignOwedAttribute),
    overdue: found.get(CampaignOverdueAttribute),
    marks: found.get(CampaignMarksAttribute),
  };
}

describe('search attributes', () => {
  it('lets an operator find a campaign and its units by id, kind, phase, state and counts, without the codec', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      // The test server was started by the project's server start, which registers them.
      expect(await namespaceHasCampaignAttributes(client)).toBe(true);
      const { id, campaign } = await startOneUnitCampaign(client, taskQueue, 'search');

      const campaignSeen = await eventually(
        () => attributesOf(client, campaignWorkflowId(id)),
        (a) => a.owed === 2,
        { what: 'the campaign to count the unit’s two reports' },
      );
      expect(campaignSeen).toEqual({
        campaignId: id,
        unitId: undefined,
        kind: 'campaign',
        phase: 'phase-1',
        rehearsal: true,
        state: 'running',
        owed: 2,
        overdue: 0,
        marks: 0,
      });
      expect(await attributesOf(client, unitWorkflowId(id, 'unit-00001'))).toEqual({
        campaignId: id,
        unitId: 'unit-00001',
        kind: 'unit',
        phase: undefined,
        rehearsal: true,
        state: 'open',
        owed: 2,
        overdue: 0,
        marks: 0,
      });

      // The stock CLI, with no codec, lists them by a query on the attributes and shows them in clear.
      const query = `CampaignId = '${id}' AND CampaignWorkflowKind = 'unit' AND CampaignReportsOwed > 1`;
      const listed = await eventually(
        async () =>
          (
            await promisify(execFile)(inject('temporalCliPath'), [
              'workflow',
              'list',
              '--query',
              query,
              '--output',
              'json',
              '--address',
              temporalAddress(),
            ])
          ).stdout,
        (out) => out.includes(unitWorkflowId(id, 'unit-00001')),
        { what: 'the unit in the list' },
      );
      expect(listed).not.toContain(campaignWorkflowId(id) + '"');

      await campaign.terminate('test over');
    });
  });
});
