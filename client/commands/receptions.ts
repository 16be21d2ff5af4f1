import type { Command } from 'commander';
import { z } from 'zod';
import { planRota } from '../../domain/receptions/rota';
import { rotaRows, ruleWords, ROTA_HEADERS } from '../../domain/receptions/rota-view';
import { dateArg, idArg, parseArg } from '../args';
import { CliError, EXIT, usageError } from '../errors';
import { example } from '../output/help';
import { renderTable } from '../output/table';
import { runningRota } from '../receptions/posted-rota';
import { writeRotaFile } from '../receptions/rota-files';
import { act } from '../run-cli';
import { loadPlan } from './office';
import { registerReceptionPause } from '../receptions/reception-pause';
import { registerReceptionUpdates } from '../receptions/reception-updates';

const RotaOptions = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  programme: z.string().optional(),
  csv: z.string().min(1).optional(),
  xlsx: z.string().min(1).optional(),
  html: z.string().min(1).optional(),
  campaign: z.string().optional(),
});

function registerRota(receptions: Command): void {
  receptions
    .command('rota')
    .description(
      'the reception rota of a plan (定时间、定地点、定领导), after 遇节假日顺延; no server needed unless --campaign',
    )
    .argument('<plan>', 'plan file (YAML or JSON)')
    .option('--from <date>', 'first day (YYYY-MM-DD)')
    .option('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--programme <id>', 'one programme only')
    .option('--csv <file>', 'also write the table as CSV')
    .option('--xlsx <file>', 'also write the table as XLSX')
    .option('--html <file>', 'also write a page for posting (公示)')
    .option('--campaign <id>', "the running campaign's rota instead, with the substitutes named on the server (补位)")
    .addHelpText(
      'after',
      example(
        'campaign receptions rota examples/reception-days.yaml --from 2026-10-01 --to 2026-10-31',
        'campaign receptions rota examples/reception-days.yaml --html 接访安排表.html',
        'campaign receptions rota examples/reception-days.yaml --campaign edu-reception-2026 --html 接访安排表.html',
      ),
    )
    .action(
      act(async (ctx, [file = ''], raw) => {
        const options = parseArg(RotaOptions, raw, 'options');
        const from = options.from === undefined ? undefined : dateArg(options.from, '--from');
        const to = options.to === undefined ? undefined : dateArg(options.to, '--to');
        if (from && to && from > to) throw usageError(`--from ${from} is after --to ${to}`);
        const { plan } = await loadPlan(ctx, file);
        const programmes = (plan.receptions ?? []).filter((p) => !options.programme || p.id === options.programme);
        if (programmes.length === 0) {
          const known = (plan.receptions ?? []).map((p) => p.id).join(', ');
          throw new CliError(
            options.programme
              ? `${file} has no reception programme "${options.programme}"`
              : `${file} has no reception programmes`,
            EXIT.failed,
            known ? `programmes: ${known}` : 'add a `receptions` section to the plan',
            'no_receptions',
          );
        }
        const { entries, substitutions } =
          options.campaign === undefined
            ? { entries: planRota({ ...plan, receptions: programmes }, { from, to }), substitutions: [] }
            : await runningRota(
                ctx,
                idArg(options.campaign, '--campaign'),
                programmes.map((p) => p.id),
                { ...(from ? { from } : {}), ...(to ? { to } : {}) },
              );
        const rows = rotaRows(entries, substitutions);
        const page = {
          title: `${plan.campaign.title}领导接访安排表`,
          organiser: plan.campaign.organiser,
          rule: programmes.map(ruleWords).join('；'),
          rows,
        };
        const written: string[] = [];
        for (const kind of ['csv', 'xlsx', 'html'] as const) {
          const target = options[kind];
          if (target) {
            await writeRotaFile(kind, target, page);
            written.push(target);
          }
        }
        ctx.print(
          { campaignId: options.campaign ?? plan.campaign.id, from, to, receptions: entries, substitutions, written },
          () =>
            [
              page.title,
              renderTable(
                ROTA_HEADERS.map((header) => ({ header, max: header === '备注' ? 40 : 24 })),
                rows.map((r) => r.cells),
              ),
              `${entries.length} reception(s); ${page.rule}`,
              ...written.map((f) => `wrote ${f}`),
            ].join('\n'),
        );
      }),
    );
}

/** `campaign receptions …`: leader reception days (领导接访日). */
export function registerReceptionCommands(program: Command): void {
  const receptions = program
    .command('receptions')
    .description('leader reception days (领导接访日): rota, today, record a visit, name a substitute, pause');
  registerRota(receptions);
  registerReceptionUpdates(receptions);
  registerReceptionPause(receptions);
}
