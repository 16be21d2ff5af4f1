import type { Command } from 'commander';
import { writeLedgerFile } from '../../activities/ledger';
import { asOfNow, campaignStatusQuery, ledgerStatsQuery } from '../../contracts';
import { idArg } from '../args';
import { usageError } from '../errors';
import { closureRate, countsTable } from '../output/cases';
import { example } from '../output/help';
import { act } from '../run-cli';
import { gatherLedger } from './ledger-access';

/** `ledger stats` and `ledger export`: the views leaders and the office read, registered by case-commands.ts. */
export function registerLedgerViews(program: Command): void {
  const ledger = program.command('ledger').description('ledger statistics and export');
  ledger
    .command('stats')
    .description('filed, open, closed, overdue and 办结率, overall or for one unit')
    .argument('<campaign>', 'campaign id')
    .option('--unit <id>', 'one unit, by category and priority')
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        if (raw['unit'] === undefined) {
          const status = await (await ctx.campaign(id)).query(campaignStatusQuery, asOfNow());
          const l = status.ledger;
          ctx.print(
            l,
            () =>
              `filed ${l.filed}, open ${l.open}, closed ${l.closed}, overdue ${l.overdue}, unreconciled ${l.unreconciled}, 办结率 ${closureRate(l.closureRate)}`,
          );
          return;
        }
        const unitId = idArg(raw['unit'], '--unit');
        const stats = await (
          await ctx.unit(id, unitId)
        )
          .query(ledgerStatsQuery, asOfNow())
          .catch((error: unknown) => ctx.explainMissingUnit(error, id, unitId));
        ctx.print(stats, () =>
          countsTable([
            ['overall', stats.overall],
            ...Object.entries(stats.byCategory),
            ...Object.entries(stats.byPriority).filter(([, c]) => c.filed > 0),
          ]),
        );
      }),
    );
  ledger
    .command('export')
    .description('write the ledger as CSV or XLSX that an office opens in a spreadsheet')
    .argument('<campaign>', 'campaign id')
    .argument('<file>', 'a .csv or .xlsx path')
    .option('--unit <id>', 'one unit only')
    .option('--personal-data', "include petitioners' names and contacts unmasked")
    .addHelpText('after', example('campaign ledger export county-2026 台帐.xlsx'))
    .action(
      act(async (ctx, [campaignId = '', file = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        if (!/\.(csv|xlsx)$/i.test(file)) throw usageError(`${file}: write to a .csv or .xlsx file`);
        const unitId = raw['unit'] === undefined ? undefined : idArg(raw['unit'], '--unit');
        const ledgerData = await gatherLedger(ctx, id, unitId);
        const { nowMs } = await (await ctx.campaign(id)).query(campaignStatusQuery, asOfNow());
        await writeLedgerFile(ledgerData, file, { includePersonalData: raw['personalData'] === true, asOfMs: nowMs });
        ctx.print(
          { file, cases: ledgerData.cases.length },
          () => `wrote ${ledgerData.cases.length} case(s) to ${file}`,
        );
      }),
    );
}
