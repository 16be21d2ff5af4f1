import type { Command } from 'commander';
import { auditLogQuery, campaignInfoQuery } from '../../contracts';
import { idArg } from '../args';
import { formatTime } from '../output/format';
import { example } from '../output/help';
import { renderTable } from '../output/table';
import { act } from '../run-cli';

/** `campaign audit`: every refused attempt to act without the right credential, newest last. */
export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('refused attempts to act: a missing or forged credential, or one used beyond its rights')
    .argument('<campaign>', 'campaign id')
    .addHelpText('after', example('campaign audit county-petition-2026 --json'))
    .action(
      act(async (ctx, [campaignId = '']) => {
        const campaign = await ctx.campaign(idArg(campaignId, 'campaign'));
        const [log, info] = await Promise.all([campaign.query(auditLogQuery), campaign.query(campaignInfoQuery)]);
        ctx.print(log, () => {
          if (log.total === 0) return 'no refused attempts';
          const table = renderTable(
            [
              { header: 'plan time' },
              { header: 'where' },
              { header: 'action' },
              { header: 'credential of' },
              { header: 'claimed' },
              { header: 'refused because' },
            ],
            log.entries.map((e) => [
              formatTime(e.atMs, info.timeZone),
              e.workflow,
              e.action,
              e.principal ?? '-',
              e.claimedBy ?? '-',
              e.reason,
            ]),
          );
          const older = log.total - log.entries.length;
          return older > 0 ? `${table}\n(${older} older entries not kept)` : table;
        });
      }),
    );
}
