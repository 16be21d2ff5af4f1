import { setHandler } from '@temporalio/workflow';
import {
  campaignInfoQuery,
  campaignStatusQuery,
  escalationLogQuery,
  overdueQuery,
  rosterQuery,
  timelineQuery,
  unitSetupQuery,
  type UnitSetup,
} from '../contracts';
import { campaignStatus, escalationLog } from '../domain/campaign/campaign-status';
import { roster, rosterLedgerContext } from '../domain/campaign/roster';
import { planTimeAsOf } from '../domain/clock/as-of';
import type { CampaignAccessHolder } from './campaign-access';
import type { CampaignRun } from './campaign-run';

/** What every unit workflow of this campaign starts with, besides its own unit and credentials. */
export function unitSetupBase(run: CampaignRun): UnitSetup['base'] {
  const { plan, input, context } = run;
  return {
    context,
    clock: input.clock,
    reportKinds: plan.reportKinds,
    defaultDueTime: plan.campaign.defaultDueTime,
    messageKey: input.messageKey,
    searchAttributes: input.searchAttributes,
    ledgerContext: rosterLedgerContext(plan, run.state()),
  };
}

/** The campaign's queries. Status answers as of the caller's clock (see AsOf in contracts/common.ts). */
export function installCampaignQueries(run: CampaignRun, holder: CampaignAccessHolder): void {
  const { plan, input, context, info } = run;
  const statusAsOf = (asOf: unknown) => campaignStatus(plan, run.state(), planTimeAsOf(input.clock, Date.now(), asOf));
  setHandler(campaignStatusQuery, (asOf) => ({ ...statusAsOf(asOf), rehearsal: context.rehearsal }));
  setHandler(overdueQuery, (asOf) => statusAsOf(asOf).overdue);
  setHandler(escalationLogQuery, () => escalationLog(run.state()));
  setHandler(timelineQuery, () => run.state().timeline);
  setHandler(rosterQuery, () => roster(plan, run.state()));
  setHandler(unitSetupQuery, () => ({
    base: unitSetupBase(run),
    units: roster(plan, run.state()),
    access: holder.access()?.units,
  }));
  setHandler(campaignInfoQuery, () => ({
    campaignId: plan.campaign.id,
    title: plan.campaign.title,
    rehearsal: context.rehearsal,
    scale: input.clock.scale,
    timeZone: plan.campaign.timeZone,
    taskQueue: info.taskQueue,
    startedBy: input.startedBy,
  }));
}
