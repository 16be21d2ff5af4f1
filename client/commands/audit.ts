import type { Command } from 'commander';
import { accessQuery, auditLogQuery, campaignInfoQuery } from '../../contracts';
import { NO_CREDENTIALS_LINE } from '../output/campaign-status';
import { style } from '../output/style';
import { idArg } from '../args';
import { formatTime } from '../output/format';
import { example } from '../output/help';
import { renderTable } from '../output/table';
import { act } from '../run-cli';
import { remoteAudit, remoteGlance } from '../remote/remote-views';
import type { AuditLog } from '../../domain/access/audit-log';

/** `campaign audit`: every refused attempt to act without the right credential, newest last. */
export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('refused attempts to act: a missing or forged credential, or one used beyond its rights')
    .argument('<campaign>', 'campaign id')
    .addHelpText('after', example('campaign audit county-petition-2026 --json'))
    .action(
      act(async (ctx, [campaignId = '']) => {
        const id = idArg(campaignId, 'campaign');
        const remote = ctx.remote();
        if (remote) {
          // Through the service: the workflows' refusals and the service's own (refused reads, sign-ins).
          const [answer, glance] = await Promise.all([remoteAudit(remote, id), remoteGlance(remote, id)]);
          ctx.print(answer, () =>
            [
              renderAudit(answer.campaign, glance.timeZone, glance.credentials),
              ...answer.service.map((e) => `service: ${e.at} ${e.actor} ${e.action}${e.detail ? `: ${e.detail}` : ''}`),
            ].join('\n'),
          );
          return;
        }
        const campaign = await ctx.campaign(id);
        const [log, info, access] = await Promise.all([
          campaign.query(auditLogQuery),
          campaign.query(campaignInfoQuery),
          campaign.query(accessQuery),
        ]);
        const credentials = access !== null;
        ctx.print({ ...log, credentials }, () => renderAudit(log, info.timeZone, credentials));
      }),
    );
}

/** The audit log as a table, with what it leaves out said in words. */
function renderAudit(log: AuditLog, timeZone: string, credentials: boolean): string {
  // Without credentials nothing is ever refused: "no refused attempts" would read as all clear.
  if (!credentials) return style.yellow(`${NO_CREDENTIALS_LINE}; nothing is checked, so nothing is refused or audited`);
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
      formatTime(e.atMs, timeZone),
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
}
