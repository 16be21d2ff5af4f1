import { allHandlersFinished, condition, makeContinueAsNewFunc, workflowInfo } from '@temporalio/workflow';
import type { CampaignSummary, CampaignWorkflowInput } from '../contracts';
import { startAllUnits } from '../domain/campaign/campaign-commands';
import { campaignStatus } from '../domain/campaign/campaign-status';
import { advanceCampaign, nextCampaignWakeMs } from '../domain/campaign/phase-progression';
import { campaignPublication } from '../domain/campaign/published-status';
import { realDelayUntil } from '../domain/clock/plan-clock';
import { installCampaignAccess, type CampaignAccessHolder } from './campaign-access';
import { installLeaderActions, installOfficeActions, installProgressSignal } from './campaign-actions';
import { createCommandRunner } from './campaign-commands';
import { installDigestDesk, type DigestDesk } from './campaign-digest';
import { coalesced } from './coalesced';
import { createSearchAttributes } from './search-attributes';
import { clearSummary } from '../contracts/clear-summary';
import { wakeSummary } from '../domain/plan/operator-summaries';
import { campaignSearchValues } from '../domain/campaign/search-values';
import { installDutyActions } from './campaign-duties';
import { installCampaignQueries } from './campaign-queries';
import { createCampaignRun, type CampaignRun } from './campaign-run';
import { campaignHistoryFull } from './history-budget';
import { startStatusPublisher, type StatusPublisher } from './status-publisher';

/**
 * The campaign workflow runs the plan's phases and gates and holds a compact picture of every
 * unit; each unit's deliverables live in its own unit workflow (see unit-workflow.ts). Every rule
 * is in domain/: this function only turns the rules' commands into timers, messages and activities.
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignSummary> {
  const run = createCampaignRun(input);
  const holder = installCampaignAccess(run);
  installLeaderActions(run, holder);
  installOfficeActions(run, holder);
  installProgressSignal(run, holder);
  installDutyActions(run, holder);
  installCampaignQueries(run, holder);
  const desk = installDigestDesk(run, holder);
  const attributes = createSearchAttributes(input.searchAttributes, {
    kind: 'campaign',
    campaignId: input.plan.campaign.id,
    rehearsal: run.context.rehearsal,
  });
  const showAttributes = () => attributes(campaignSearchValues(input.plan, run.state(), run.now()));
  // Progress signals change the counts one report at a time: one upsert per workflow task is enough.
  run.watch(coalesced(showAttributes));
  const publisher = startStatusPublisher(run.state, () =>
    campaignPublication(input.plan, run.state(), input.clock, run.now()),
  );
  const commands = createCommandRunner(run, holder);
  if (!input.carried) await commands.execute(startAllUnits(input.startedBy));

  for (;;) {
    run.take(advanceCampaign(input.plan, run.state(), run.now()));
    const ranCommands = run.queue.length > 0;
    while (run.queue.length > 0) await commands.execute(run.queue.shift()!);
    if (run.state().status !== 'running') break;
    desk.sendDue();
    // A leader may act while commands run (the last phase approved during a broadcast): the state
    // then changed after it was advanced, and sleeping now would never finish the campaign.
    if (ranCommands) continue;
    showAttributes();
    if (campaignHistoryFull()) await continueAsNewWhenIdle(run, holder, publisher, desk);
    else await sleepUntilNextWake(run, desk);
  }
  desk.close();
  showAttributes();
  await commands.reports();
  await condition(() => allHandlersFinished() && run.notifier.inflight() === 0);
  publisher.flush();
  const summary = campaignStatus(input.plan, run.state(), run.now());
  return {
    campaignId: input.plan.campaign.id,
    status: run.state().status,
    rehearsal: run.context.rehearsal,
    completedAtMs: run.state().completedAtMs ?? run.state().cancelled?.atMs,
    totals: summary.totals,
    accountabilityMarks: summary.accountabilityMarks,
  };
}

/** Sleeps until the plan's next moment, a queued command, the end, or a full history. */
async function sleepUntilNextWake(run: CampaignRun, desk: DigestDesk): Promise<void> {
  const wakeMs = () => earliest(nextCampaignWakeMs(run.plan, run.state()), desk.nextWakeMs());
  const next = wakeMs();
  // Progress signals do not wake this loop otherwise, and a campaign asleep until its next
  // deadline would let its history grow far past the server's suggestion.
  // A unit's progress can bring a moment forward (a phase report to reissue, phase-report-revisions.ts).
  const sooner = () => {
    const now = wakeMs();
    return now !== undefined && (next === undefined || now < next);
  };
  const wake = () => run.queue.length > 0 || run.state().status !== 'running' || campaignHistoryFull() || sooner();
  if (next === undefined) await condition(wake);
  else {
    const summary = clearSummary(wakeSummary(run.context.locale, next, run.context.timeZone, 'campaign'));
    await condition(wake, Math.max(1, realDelayUntil(run.input.clock, Date.now(), next)), { summary });
  }
}

/**
 * Continues as new once no handler and no work but mail is in flight, carrying the state, the
 * credentials, the audit log and the mail still retrying. Returns without continuing when an update
 * taken while waiting queued commands: the loop runs them first.
 */
async function continueAsNewWhenIdle(
  run: CampaignRun,
  holder: CampaignAccessHolder,
  publisher: StatusPublisher,
  desk: DigestDesk,
): Promise<void> {
  await condition(() => allHandlersFinished() && run.notifier.inflightBesidesMail() === 0);
  if (run.queue.length > 0) return;
  // The server starts the new run with the memo the campaign started with, not the status it
  // published since: the new run takes the latest along, so a glance never finds none.
  publisher.flush();
  await makeContinueAsNewFunc<typeof campaignWorkflow>({ memo: workflowInfo().memo })({
    ...run.input,
    access: holder.access(),
    carried: run.state(),
    carriedAudit: holder.audit(),
    carriedSeals: holder.inbox.marks(),
    carriedMail: run.notifier.carry(),
    carriedDigest: desk.book(),
  });
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}
