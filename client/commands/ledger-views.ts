import type { Command } from 'commander';
import { writeLedgerFile } from '../../activities/ledger';
import { writeExportFile } from '../../activities/ledger/export-ledger';
import { asOfNow, campaignStatusQuery, ledgerStatsQuery } from '../../contracts';
import type { LedgerTotals } from '../../domain/campaign/campaign-status';
import type { LedgerStats } from '../../domain/cases/ledger-stats';
import { idArg } from '../args';
import type { CliContext } from '../context';
import { usageError } from '../errors';
import { closureRate, countsTable } from '../output/cases';
import { example } from '../output/help';
import { remoteLedgerExport, remoteLedgerStats } from '../remote/remote-views';
import type { ServiceClient } from '../remote/service-client';
import { act } from '../run-cli';
import { gatherLedger } from './ledger-access';

async function campaignTotals(ctx: CliContext, campaignId: string): Promise<LedgerTotals> {
  const remote = ctx.remote();
  if (remote) return remoteLedgerStats<LedgerTotals>(remote, campaignId);
  return (await (await ctx.campaign(campaignId)).query(campaignStatusQuery, asOfNow())).ledger;
}

async function unitStats(ctx: CliContext, campaignId: string, unitId: string): Promise<LedgerStats> {
  const remote = ctx.remote();
  if (remote) return remoteLedgerStats<LedgerStats>(remote, campaignId, unitId);
  return (await ctx.unit(campaignId, unitId))
    .query(ledgerStatsQuery, asOfNow())
    .catch((error: unknown) => ctx.explainMissingUnit(error, campaignId, unitId));
}

/**
 * The ledger file through the service: it writes the file (masked unless the holder is the office
 * and asks for personal data); the CLI saves it, private to the user when names may be in it.
 */
async function exportThroughService(
  ctx: CliContext,
  remote: ServiceClient,
  campaignId: string,
  file: string,
  personalData: boolean,
) {
  const format = /\.xlsx$/i.test(file) ? 'xlsx' : 'csv';
  const bytes = await remoteLedgerExport(remote, campaignId, { format, personalData });
  await writeExportFile(file, bytes, personalData);
  ctx.print({ file, bytes: bytes.length }, () => `wrote the ledger to ${file}`);
}

function registerStats(ledger: Command): void {
  ledger
    .command('stats')
    .description('filed, open, closed, overdue and 办结率, overall or for one unit')
    .argument('<campaign>', 'campaign id')
    .option('--unit <id>', 'one unit, by category and priority')
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        if (raw['unit'] === undefined) {
          const l = await campaignTotals(ctx, id);
          ctx.print(
            l,
            () =>
              `filed ${l.filed}, open ${l.open}, closed ${l.closed}, overdue ${l.overdue}, unreconciled ${l.unreconciled}, 办结率 ${closureRate(l.closureRate)}`,
          );
          return;
        }
        const stats = await unitStats(ctx, id, idArg(raw['unit'], '--unit'));
        ctx.print(stats, () =>
          countsTable([
            ['overall', stats.overall],
            ...Object.entries(stats.byCategory),
            ...Object.entries(stats.byPriority).filter(([, c]) => c.filed > 0),
          ]),
        );
      }),
    );
}

function registerExport(ledger: Command): void {
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
        const personalData = raw['personalData'] === true;
        const remote = ctx.remote();
        if (remote) {
          if (unitId !== undefined) throw usageError('--unit: the service exports the whole ledger; leave it out');
          await exportThroughService(ctx, remote, id, file, personalData);
          return;
        }
        const ledgerData = await gatherLedger(ctx, id, unitId);
        const { nowMs } = await (await ctx.campaign(id)).query(campaignStatusQuery, asOfNow());
        await writeLedgerFile(ledgerData, file, { includePersonalData: personalData, asOfMs: nowMs });
        ctx.print(
          { file, cases: ledgerData.cases.length },
          () => `wrote ${ledgerData.cases.length} case(s) to ${file}`,
        );
      }),
    );
}

/** `ledger stats` and `ledger export`: the views leaders and the office read, registered by case-commands.ts. */
export function registerLedgerViews(program: Command): void {
  const ledger = program.command('ledger').description('ledger statistics and export');
  registerStats(ledger);
  registerExport(ledger);
}
