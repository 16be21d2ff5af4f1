import type { Command } from 'commander';
import type * as Repair from '../repair/repair-campaign';
import type { WedgedWorkflow } from '../repair/repair-campaign';
import { idArg } from '../args';
import { example } from '../output/help';
import { style } from '../output/style';
import { renderTable } from '../output/table';
import { act } from '../run-cli';

const REASON = 'campaign repair: replay past a history the code cannot reproduce';

/**
 * `campaign repair`: finds the workflows of a campaign stuck on a nondeterminism error and, with
 * --apply, resets each to the task before the event its code cannot replay (see client/repair/wedge.ts).
 */
export function registerRepairCommand(program: Command): void {
  program
    .command('repair')
    .description('find workflows of a campaign stuck on a nondeterminism error; --apply resets them')
    .argument('<campaign>', 'campaign id')
    .option('--apply', 'reset them (signals and updates after the reset point are given to them again)')
    .addHelpText(
      'after',
      example('campaign repair county-petition-2026', 'campaign repair county-petition-2026 --apply --json') +
        '\n\nWithout --apply it only shows what it would reset. Run it when a unit or the campaign stops\n' +
        'answering ("the workflow did not answer") and the worker log says "Nondeterminism error".',
    )
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const campaign = await ctx.campaign(id);
        await campaign.describe(); // an unknown campaign is the user's mistake, said as such
        const client = await ctx.client();
        // Loaded on use: reading histories takes Temporal's protobufs, which other commands do without.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx registers for CommonJS only
        const { findWedged, resetWedged } = require('../repair/repair-campaign') as typeof Repair;
        const wedged = await findWedged(client, id);
        const apply = raw['apply'] === true;
        const result = apply ? await resetWedged(client, wedged, REASON) : wedged;
        ctx.print({ campaignId: id, applied: apply, workflows: result }, () => renderRepairs(result, apply));
      }),
    );
}

function renderRepairs(workflows: WedgedWorkflow[], applied: boolean): string {
  if (workflows.length === 0) return style.green('no workflow of this campaign is stuck');
  const table = renderTable(
    [{ header: 'workflow' }, { header: 'cannot replay event' }, { header: applied ? 'reset to' : 'would reset to' }],
    workflows.map((w) => [
      w.workflowId,
      w.wedge.namedEventId === undefined ? '?' : String(w.wedge.namedEventId),
      w.wedge.resetToEventId === undefined ? 'by hand (see the message with --json)' : String(w.wedge.resetToEventId),
    ]),
  );
  const byHand = workflows.some((w) => w.wedge.resetToEventId === undefined)
    ? '\nfor a workflow marked "by hand", choose a WorkflowTaskCompleted event: temporal workflow reset -w ID --event-id N'
    : '';
  return applied
    ? `${table}\n${style.green('reset')}: each runs again from there${byHand}`
    : `${table}\nrun again with --apply to reset them${byHand}`;
}
