import type { Command } from 'commander';
import { accessQuery, auditLogQuery, campaignInfoQuery } from '../../contracts';
import { NO_CREDENTIALS_LINE } from '../output/campaign-status';
import { style } from '../output/style';
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
        const [log, info, access] = await Promise.all([
          campaign.query(auditLogQuery),
          campaign.query(campaignInfoQuery),
          campaign.query(accessQuery),
        ]);
        const credentials = access !== null;
        ctx.print({ ...log, credentials }, () => {
          // Without credentials nothing is ever refused: "no refused attempts" would read as all clear.
          if (!credentials)
            return style.yellow(`${NO_CREDENTIALS_LINE}; nothing is checked, so nothing is refused or audited`);
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
          const dropped = log.dropped ?? 0;
          const older = log.total - log.entries.length - dropped;
          return [
            table,
            ...(older > 0 ? [`(${older} older entries not kept)`] : []),
            ...(dropped > 0
              ? [`dropped: ${dropped} (refused past the bound of described entries per run; counted, not described)`]
              : []),
            `total: ${log.total} refused attempt(s)`,
          ].join('\n');
        });
      }),
    );
}
