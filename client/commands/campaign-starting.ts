import { isWorkflowNotFound } from '../../temporal-client/error-kinds';
import { asOfNow, campaignStatusQuery, rosterQuery } from '../../contracts';
import { CAMPAIGN_STARTING, stillReachingUnit } from '../../domain/campaign/campaign-starting';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { rejectionOf } from '../update-rejection';

/**
 * Turns "no such unit" or "owes no deliverable" into "still starting" when the campaign has not yet
 * reached the unit (domain/campaign/campaign-starting.ts). Any other error passes unchanged.
 */
export async function explainEarlySubmission(
  ctx: CliContext,
  campaignId: string,
  unitId: string,
  error: unknown,
  unitOwes: number | undefined,
): Promise<never> {
  const unitMissing = isWorkflowNotFound(error);
  const notOwed = rejectionOf(error)?.type === 'unknown_deliverable';
  if (unitMissing || notOwed) {
    const campaign = await ctx.campaign(campaignId);
    const picture = await Promise.all([campaign.query(campaignStatusQuery, asOfNow()), campaign.query(rosterQuery)])
      .then(([status, roster]) => ({
        campaignRunning: status.status === 'running',
        inRoster: roster.some((u) => u.id === unitId),
        phaseOpen: status.currentPhase !== undefined,
        unitStarted: !unitMissing,
        unitOwes: unitOwes ?? 0,
      }))
      // A campaign that cannot answer says nothing about the unit: the original error stands.
      .catch(() => undefined);
    if (picture && stillReachingUnit(picture)) {
      throw new CliError(CAMPAIGN_STARTING.message, EXIT.failed, undefined, CAMPAIGN_STARTING.code);
    }
  }
  if (unitMissing) return ctx.explainMissingUnit(error, campaignId, unitId);
  throw error;
}
