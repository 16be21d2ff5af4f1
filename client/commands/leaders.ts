import type { Command } from 'commander';
import {
  accessQuery,
  asOfNow,
  approvePhaseUpdate,
  campaignStatusQuery,
  campaignInfoQuery,
  escalationLogQuery,
  overdueQuery,
  returnPhaseUpdate,
  timelineQuery,
  unitTimelineQuery,
} from '../../contracts';
import { dueArg, idArg, idListArg } from '../args';
import { NO_CREDENTIALS_LINE, renderCampaignStatus } from '../output/campaign-status';
import { renderPublishedStatus } from '../output/published-status';
import { readPublishedStatus } from '../status/read-published-status';
import { formatDuration, formatTime } from '../output/format';
import { example } from '../output/help';
import { obligationTable } from '../output/obligations';
import { style } from '../output/style';
import { renderTable } from '../output/table';
import { act } from '../run-cli';
import { unitView } from './units';
import {
  remoteApprove,
  remoteEscalations,
  remoteGlance,
  remoteOverdue,
  remoteReturn,
  remoteStatus,
  remoteUnitView,
  remoteTimeline,
} from '../remote/remote-views';
import type { CliContext } from '../context';

/** The campaign's timeline or one unit's log, and the time zone its plan times are shown in. */
async function timeline(ctx: CliContext, campaignId: string, unitId: string | undefined) {
  const remote = ctx.remote();
  if (remote) {
    const [entries, glance] = await Promise.all([
      remoteTimeline(remote, campaignId, unitId),
      remoteGlance(remote, campaignId),
    ]);
    return { entries, timeZone: glance.timeZone };
  }
  const campaign = await ctx.campaign(campaignId);
  const { timeZone } = await campaign.query(campaignInfoQuery);
  if (unitId === undefined) return { entries: await campaign.query(timelineQuery), timeZone };
  await unitView(ctx, campaignId, unitId); // names a wrong unit clearly
  return { entries: await (await ctx.unit(campaignId, unitId)).query(unitTimelineQuery), timeZone };
}

/** The campaign's status, and whether it was started with credentials (through the service, it was). */
async function campaignStatusOf(ctx: CliContext, campaignId: string) {
  const remote = ctx.remote();
  if (remote) return { status: await remoteStatus(remote, campaignId), credentials: true };
  const campaign = await ctx.campaign(campaignId);
  const [status, access] = await Promise.all([
    campaign.query(campaignStatusQuery, asOfNow()),
    campaign.query(accessQuery),
  ]);
  return { status, credentials: access !== null };
}

export function registerLeaderCommands(program: Command): void {
  program
    .command('status')
    .description("where a campaign stands: phase, window, next deadline, every unit's reports")
    .argument('<campaign>', 'campaign id')
    .option('--unit <id>', "one unit's deliverables instead")
    .addHelpText(
      'after',
      example('campaign status county-petition-2026', 'campaign status county-petition-2026 --unit town-boye'),
    )
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        if (raw['unit'] !== undefined) {
          const unitId = idArg(raw['unit'], '--unit');
          const remote = ctx.remote();
          const view = remote ? await remoteUnitView(remote, id, unitId, null) : await unitView(ctx, id, unitId);
          ctx.print(view, () =>
            [
              `${view.unitName} (${view.unitId}) — plan time ${formatTime(view.nowMs, view.timeZone)}`,
              obligationTable(view.rows, view),
            ].join('\n'),
          );
          return;
        }
        const { status, credentials } = await campaignStatusOf(ctx, id);
        ctx.print({ ...status, credentials }, () =>
          [renderCampaignStatus(status), ...(credentials ? [] : [style.yellow(NO_CREDENTIALS_LINE)])].join('\n'),
        );
      }),
    );

  program
    .command('glance')
    .description('the campaign at a glance, as it last published itself: answered at once, even with no worker running')
    .argument('<campaign>', 'campaign id')
    .addHelpText(
      'after',
      `
The campaign publishes its phase, totals, overdue reports and case counts on itself within a
second of any change; the server answers this from its own records, so it does not wait for busy
workers, and works while none runs. \`campaign status\` asks the workflow itself: every unit's row,
as of this instant.
${example('campaign glance county-petition-2026', 'campaign glance county-petition-2026 --json')}`,
    )
    .action(
      act(async (ctx, [campaignId = '']) => {
        const id = idArg(campaignId, 'campaign');
        ctx.campaignId = id;
        const remote = ctx.remote();
        const view = remote ? await remoteGlance(remote, id) : await readPublishedStatus(await ctx.client(), id);
        ctx.print(view, () => renderPublishedStatus(view));
      }),
    );

  program
    .command('timeline')
    .description("what happened, in order: phases, returns, approvals (or one unit's log)")
    .argument('<campaign>', 'campaign id')
    .option('--unit <id>', "one unit's log instead")
    .addHelpText('after', example('campaign timeline county-petition-2026 --unit town-boye'))
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const unitId = raw['unit'] === undefined ? undefined : idArg(raw['unit'], '--unit');
        const { entries, timeZone } = await timeline(ctx, id, unitId);
        ctx.print(entries, () =>
          entries.length === 0
            ? 'nothing has happened yet'
            : renderTable(
                [{ header: 'plan time' }, { header: 'what' }],
                entries.map((e) => [
                  formatTime(e.atMs, timeZone),
                  'plannedAtMs' in e && e.plannedAtMs !== undefined
                    ? `${e.what}; planned ${formatTime(e.plannedAtMs, timeZone)}`
                    : e.what,
                ]),
              ),
        );
      }),
    );

  program
    .command('overdue')
    .description('who is late with what, longest overdue first')
    .argument('<campaign>', 'campaign id')
    .addHelpText('after', example('campaign overdue county-petition-2026'))
    .action(
      act(async (ctx, [campaignId = '']) => {
        const id = idArg(campaignId, 'campaign');
        const remote = ctx.remote();
        const [rows, info] = remote
          ? await Promise.all([remoteOverdue(remote, id), remoteGlance(remote, id)])
          : await (async () => {
              const campaign = await ctx.campaign(id);
              return Promise.all([campaign.query(overdueQuery, asOfNow()), campaign.query(campaignInfoQuery)]);
            })();
        ctx.print(rows, () =>
          rows.length === 0
            ? style.green('nobody is overdue')
            : renderTable(
                [
                  { header: 'unit' },
                  { header: 'name' },
                  { header: 'deliverable' },
                  { header: 'due' },
                  { header: 'late by' },
                  { header: 'esc', align: 'right' },
                ],
                rows.map((r) => [
                  r.unitId,
                  r.unitName,
                  r.key,
                  formatTime(r.dueMs, info.timeZone),
                  style.red(formatDuration(r.lateByMs)),
                  String(r.step),
                ]),
              ),
        );
      }),
    );

  program
    .command('escalations')
    .description('every escalation step taken against a late unit (催报, 督办, 通报批评, 责任追究)')
    .argument('<campaign>', 'campaign id')
    .addHelpText('after', example('campaign escalations county-petition-2026'))
    .action(
      act(async (ctx, [campaignId = '']) => {
        const id = idArg(campaignId, 'campaign');
        const remote = ctx.remote();
        const [rows, info] = remote
          ? await Promise.all([remoteEscalations(remote, id), remoteGlance(remote, id)])
          : await (async () => {
              const campaign = await ctx.campaign(id);
              return Promise.all([campaign.query(escalationLogQuery), campaign.query(campaignInfoQuery)]);
            })();
        ctx.print(rows, () =>
          rows.length === 0
            ? 'no escalations'
            : renderTable(
                [
                  { header: 'plan time' },
                  { header: 'unit' },
                  { header: 'deliverable' },
                  { header: 'step', align: 'right' },
                  { header: 'label' },
                  { header: 'notice' },
                  { header: 'accountability' },
                ],
                rows.map((r) => [
                  formatTime(r.atMs, info.timeZone),
                  r.unitId,
                  r.key,
                  String(r.step),
                  r.label ?? '',
                  r.publicNotice ? style.yellow('通报') : '',
                  r.accountability ? style.red('追责') : '',
                ]),
              ),
        );
      }),
    );

  program
    .command('approve')
    .description('approve a phase that waits for the leading group (e.g. 总结验收)')
    .argument('<campaign>', 'campaign id')
    .requiredOption('--phase <id>', 'the phase id')
    .option('--comment <text>', 'a comment for the record')
    .addHelpText('after', example('campaign approve county-petition-2026 --phase accept --as leader:leader-zhang'))
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const comment = typeof raw['comment'] === 'string' ? raw['comment'] : undefined;
        const input = { phaseId: idArg(raw['phase'], '--phase'), comment, by: ctx.actor() };
        const remote = ctx.remote();
        const receipt = remote
          ? await remoteApprove(remote, id, { phaseId: input.phaseId, comment })
          : await (await ctx.campaign(id)).executeUpdate(approvePhaseUpdate, { args: [input] });
        ctx.print(receipt, () => `${style.green('ok')} ${receipt.message}`);
      }),
    );

  program
    .command('return')
    .description("send a phase's reports back to some units to redo by a new date")
    .argument('<campaign>', 'campaign id')
    .requiredOption('--phase <id>', 'the phase id')
    .requiredOption('--units <ids>', 'comma-separated unit ids')
    .option('--deliverables <ids>', "only these deliverables (comma-separated); the units' other reports stay accepted")
    .requiredOption('--reason <text>', 'what the units must fix')
    .requiredOption('--due <date>', 'the new due date (YYYY-MM-DD) or an ISO time')
    .addHelpText(
      'after',
      example(
        'campaign return county-petition-2026 --phase investigate --units town-boye --deliverables case-ledger --reason "台帐缺包案领导" --due 2026-04-24',
      ),
    )
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const input = {
          phaseId: idArg(raw['phase'], '--phase'),
          units: idListArg(String(raw['units']), '--units'),
          ...(typeof raw['deliverables'] === 'string'
            ? { deliverables: idListArg(raw['deliverables'], '--deliverables') }
            : {}),
          reason: String(raw['reason']),
          newDue: dueArg(raw['due'], '--due'),
          by: ctx.actor(),
        };
        const remote = ctx.remote();
        const { by: _by, ...request } = input;
        const receipt = remote
          ? await remoteReturn(remote, id, request)
          : await (await ctx.campaign(id)).executeUpdate(returnPhaseUpdate, { args: [input] });
        ctx.print(receipt, () => `${style.green('ok')} ${receipt.message}`);
      }),
    );
}
