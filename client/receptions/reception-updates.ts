import { isWorkflowNotFound } from '../../temporal-client/error-kinds';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { asOfNow } from '../../contracts';
import {
  receptionProgrammeQuery,
  receptionWorkflowId,
  recordReceptionUpdate,
  substituteReceptionUpdate,
  type ReceptionProgrammeView,
  type ReceptionView,
} from '../../contracts/receptions';
import { FILE_LIMITS, readTextFile } from '../../activities/files/bounded-file';
import { VisitorInputSchema } from '../../domain/receptions/register-schema';
import { dateArg, idArg, parseArg } from '../args';
import type { CliContext } from '../context';
import { CliError, EXIT, usageError } from '../errors';
import { example } from '../output/help';
import { act } from '../run-cli';
import { runningProgrammeIds } from '../../temporal-client/reception-programmes';

/** `campaign receptions today|record|substitute`: the durable side of reception days. */

const STATUS_WORDS: Record<ReceptionView['status'], string> = {
  upcoming: '待接访',
  today: '今日接访',
  held: '已接访',
  missed: '缺岗',
  open: '待登记',
  paused: '暂停',
};

/** Running programmes of a campaign, found by their workflow ids (no plan file needed). */
async function programmeIds(ctx: CliContext, campaignId: string, named: unknown): Promise<string[]> {
  if (named !== undefined) return [idArg(named, '--programme')];
  const ids = await runningProgrammeIds(await ctx.client(), campaignId);
  if (ids.length === 0) {
    throw new CliError(
      `campaign "${campaignId}" runs no reception programme`,
      EXIT.failed,
      'a plan with a `receptions` section starts them with `campaign start`; name one with --programme',
      'not_found',
    );
  }
  return ids;
}

async function programme(ctx: CliContext, campaignId: string, programmeId: string) {
  ctx.campaignId = campaignId;
  return (await ctx.client()).workflow.getHandle(receptionWorkflowId(campaignId, programmeId));
}

/** A programme the campaign does not run, in one sentence with where to look; any other error as it is. */
export function explainMissing(error: unknown, campaignId: string, programmeId: string): never {
  if (isWorkflowNotFound(error)) {
    throw new CliError(
      `campaign "${campaignId}" has no running reception programme "${programmeId}"`,
      EXIT.failed,
      'see its programmes with `campaign receptions today ' + campaignId + '`',
      'not_found',
    );
  }
  throw error;
}

function receptionLines(view: ReceptionProgrammeView): string[] {
  if (view.receptions.length === 0) return [`${view.programmeName}: no reception on ${view.today}`];
  return view.receptions.map((r) => {
    const who = r.substitution ? `${r.onDuty?.name ?? ''}（代${r.rostered?.name ?? ''}补位）` : (r.onDuty?.name ?? '');
    const visitors = r.noVisitors ? '今日无来访' : r.visitors.length > 0 ? `来访${r.visitors.length}人` : '';
    return `${r.date} ${r.programmeName} ${STATUS_WORDS[r.status]}  ${who}  ${r.place} ${r.start}–${r.end}  ${visitors}`.trim();
  });
}

function registerToday(receptions: Command): void {
  receptions
    .command('today')
    .description("today's reception: who is on duty (after 补位), where, and what was recorded")
    .argument('<campaign>', 'campaign id')
    .option('--programme <id>', 'one programme (default: every programme of the campaign)')
    .option('--date <date>', 'another day than today (YYYY-MM-DD)')
    .addHelpText('after', example('campaign receptions today edu-reception-2026'))
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const ids = await programmeIds(ctx, id, raw['programme']);
        const views: ReceptionProgrammeView[] = [];
        for (const programmeId of ids) {
          const handle = await programme(ctx, id, programmeId);
          const asOf = asOfNow();
          const probe = await handle
            .query(receptionProgrammeQuery, { asOf, from: '9999-12-31' })
            .catch((e: unknown) => explainMissing(e, id, programmeId));
          const day = raw['date'] === undefined ? probe.today : dateArg(raw['date'], '--date');
          views.push(await handle.query(receptionProgrammeQuery, { asOf, from: day, to: day }));
        }
        ctx.print(views, () => views.flatMap(receptionLines).join('\n'));
      }),
    );
}

const RecordOptions = z.object({
  programme: z.string(),
  date: z.string().optional(),
  reception: z.string().optional(),
  visitors: z.string().optional(),
  noVisitors: z.boolean().optional(),
  name: z.string().optional(),
  contact: z.string().optional(),
  matter: z.string().optional(),
  answer: z.string().optional(),
  to: z.string().optional(),
  handler: z.string().optional(),
  deadline: z.string().optional(),
  category: z.string().optional(),
  title: z.string().optional(),
});

/** Visitors from a YAML/JSON file (a list), or the one visitor the flags describe. */
async function visitorsOf(options: z.infer<typeof RecordOptions>): Promise<unknown[]> {
  if (options.visitors !== undefined) {
    // A FileRefusal (no such file, a FIFO, too large) reaches the user as a usage error with its reason.
    const text = await readTextFile(options.visitors, FILE_LIMITS.yaml);
    const list: unknown = parseYaml(text);
    return parseArg(z.array(VisitorInputSchema).min(1).max(50), list, '--visitors');
  }
  if (options.name === undefined) return [];
  const handOver =
    options.to === undefined
      ? undefined
      : {
          unit: options.to,
          handler: options.handler,
          deadline: options.deadline,
          category: options.category,
          title: options.title,
        };
  return [
    parseArg(
      VisitorInputSchema,
      { name: options.name, contact: options.contact, matter: options.matter, answer: options.answer, handOver },
      'visitor',
    ),
  ];
}

function registerRecord(receptions: Command): void {
  receptions
    .command('record')
    .description('fill in the register (信访接待登记表): visitors, answers, hand-overs; or "no visitors today"')
    .argument('<campaign>', 'campaign id')
    .requiredOption('--programme <id>', 'the reception programme')
    .option('--date <date>', 'the reception day (default: today)')
    .option('--reception <id>', 'the reception, when a day has several (unit heads)')
    .option('--no-visitors', 'nobody came (今日无来访)')
    .option('--visitors <file>', 'a YAML or JSON list of visitors: name, contact, matter, answer, handOver')
    .option('--name <name>', 'one visitor: name')
    .option('--contact <text>', 'one visitor: contact')
    .option('--matter <text>', 'one visitor: the matter raised')
    .option('--answer <text>', 'one visitor: the answer given on the spot')
    .option('--to <unit>', 'hand the matter over to this unit (files a case in its ledger)')
    .option('--handler <name>', 'hand-over: the handler (具体责任人)')
    .option('--deadline <date>', 'hand-over: 办结时限 (YYYY-MM-DD)')
    .option('--category <id>', 'hand-over: case category (default hot-issue)')
    .option('--title <text>', 'hand-over: case title (default: the matter)')
    .addHelpText(
      'after',
      example(
        'campaign receptions record edu-reception-2026 --programme bureau-reception --no-visitors',
        'campaign receptions record edu-reception-2026 --programme bureau-reception --name 李某 --matter 绩效工资 --answer 交学校核实 --to school-first-middle --handler 何军 --deadline 2026-03-15',
      ),
    )
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        // commander reads --no-visitors as the negation of --visitors: false for it, true when neither is given.
        const noVisitors = raw['visitors'] === false;
        const file = typeof raw['visitors'] === 'string' ? raw['visitors'] : undefined;
        const options = parseArg(RecordOptions, { ...raw, visitors: file }, 'options');
        const programmeId = idArg(options.programme, '--programme');
        const visitors = await visitorsOf(options);
        if (noVisitors === visitors.length > 0) {
          throw usageError('record visitors (--visitors FILE or --name …) or --no-visitors, one of the two');
        }
        const input = {
          ...(options.reception ? { receptionId: options.reception } : {}),
          ...(options.date ? { date: dateArg(options.date, '--date') } : {}),
          visitors,
          noVisitors,
          by: ctx.actor(),
        };
        const handle = await programme(ctx, id, programmeId);
        const result = await handle
          .executeUpdate(recordReceptionUpdate, { args: [input as never] })
          .catch((e: unknown) => explainMissing(e, id, programmeId));
        ctx.print(result, () =>
          [
            `recorded ${result.date}: ${noVisitors ? '今日无来访' : `${result.visitors} visitor(s)`}`,
            ...result.cases.map((c) =>
              c.caseId
                ? `  case ${c.caseId} ${c.held ? 'held by the programme for' : 'filed in'} ${c.unitId}`
                : `  not filed in ${c.unitId}: ${c.error ?? ''}`,
            ),
          ].join('\n'),
        );
      }),
    );
}

function registerSubstitute(receptions: Command): void {
  receptions
    .command('substitute')
    .description('name a substitute (补位) before the day; the substitute is told and the rota shows it')
    .argument('<campaign>', 'campaign id')
    .requiredOption('--programme <id>', 'the reception programme')
    .requiredOption('--date <date>', 'the reception day')
    .requiredOption('--substitute <leader>', 'the leader who stands in (a leader id of the plan)')
    .requiredOption('--reason <text>', 'why the rostered leader cannot attend')
    .addHelpText(
      'after',
      example(
        'campaign receptions substitute edu-reception-2026 --programme bureau-reception --date 2026-02-24 --substitute deputy-wang --reason 赴市参加会议 --as leader:deputy-chen',
      ),
    )
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const programmeId = idArg(raw['programme'], '--programme');
        const input = {
          date: dateArg(raw['date'], '--date'),
          substitute: idArg(raw['substitute'], '--substitute'),
          reason: parseArg(z.string().trim().min(1).max(500), raw['reason'], '--reason'),
          by: ctx.actor(),
        };
        const handle = await programme(ctx, id, programmeId);
        const sub = await handle
          .executeUpdate(substituteReceptionUpdate, { args: [input] })
          .catch((e: unknown) => explainMissing(e, id, programmeId));
        ctx.print(sub, () => `${sub.date}: ${sub.name} receives for ${sub.rosteredName} (补位); ${sub.name} is told`);
      }),
    );
}

export function registerReceptionUpdates(receptions: Command): void {
  registerToday(receptions);
  registerRecord(receptions);
  registerSubstitute(receptions);
}
