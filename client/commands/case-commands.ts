import type { Command } from 'commander';
import type { CaseEventInput } from '../../domain/cases/case-events';
import { CASE_STATUSES, type CaseStatus } from '../../domain/cases/case-schema';
import { asOfNow, campaignStatusQuery, caseEventUpdate, fileCasesUpdate } from '../../contracts';
import { collect, dueArg, idArg } from '../args';
import type { CliContext } from '../context';
import { usageError } from '../errors';
import { caseTable } from '../output/cases';
import { example } from '../output/help';
import { style } from '../output/style';
import { act } from '../run-cli';
import { readImport, sendImport, unitCases, yamlFile } from './ledger-access';
import { registerLedgerViews } from './ledger-views';
import { remoteCaseEvent, remoteCases, remoteFileCase, remoteUnitView } from '../remote/remote-views';

const text = (value: unknown, option: string): string => {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw usageError(`${option} is missing`);
};

/** An event on a case that exists (everything but filing one). */
type CaseAction = Extract<CaseEventInput, { caseId: string }>;

/** Sends one case event to the case's unit and prints the case's new status. */
async function sendEvent(ctx: CliContext, campaignId: string, unitId: string, event: CaseAction): Promise<void> {
  const remote = ctx.remote();
  const result = remote
    ? await remoteCaseEvent(remote, campaignId, unitId, event)
    : await (
        await ctx.unit(campaignId, unitId)
      )
        .executeUpdate(caseEventUpdate, { args: [event] })
        .catch((error: unknown) => ctx.explainMissingUnit(error, campaignId, unitId));
  ctx.print(result, () =>
    result.status === 'transferred'
      ? `${style.green('transferred')} ${result.caseId}: now with ${result.unitId}`
      : `${style.green(event.type)} ${result.caseId}: now ${result.status}`,
  );
}

/** `case accept|return|next-steps|close`: a case id, its unit, and what to do with it. */
function caseAction(
  group: Command,
  name: string,
  description: string,
  configure: (command: Command) => Command,
  build: (caseId: string, by: string, raw: Record<string, unknown>) => Promise<CaseAction> | CaseAction,
): void {
  configure(
    group
      .command(name)
      .description(description)
      .argument('<campaign>', 'campaign id')
      .argument('<case>', 'case id (see `campaign case list`)')
      .requiredOption('--unit <id>', 'the unit that owns the case'),
  ).action(
    act(async (ctx, [campaignId = '', caseId = ''], raw) => {
      const id = idArg(campaignId, 'campaign');
      const unitId = idArg(raw['unit'], '--unit');
      const event = await build(idArg(caseId, 'case'), ctx.actor(unitId), raw);
      await sendEvent(ctx, id, unitId, event);
    }),
  );
}

function registerFiling(group: Command): void {
  group
    .command('file')
    .description('file one case (立案) with the four clarities: unit, leader, handler, deadline')
    .argument('<campaign>', 'campaign id')
    .requiredOption('--unit <id>', 'the owning unit')
    .requiredOption('--title <text>', 'what the petitioner raises')
    .requiredOption('--category <id>', 'case category of the plan')
    .requiredOption('--petitioner <name>', "the petitioner's name")
    .requiredOption('--leader <name>', '包案领导: the case-owning leader')
    .requiredOption('--handler <name>', 'the handler')
    .requiredOption('--stability-officer <name>', 'the stability officer')
    .requiredOption('--deadline <date>', '办结时限, YYYY-MM-DD')
    .requiredOption('--requirements <text>', 'specific requirements')
    .option('--id <id>', 'choose the case id (otherwise numbered by the ledger)')
    .option('--priority <flag>', 'collective, repeated, over-level, handed-down, … (repeatable)', collect)
    .addHelpText(
      'after',
      example(
        'campaign case file county-2026 --unit town-boye --title 征地补偿 --category law-related --petitioner 张某 --leader 李副县长 --handler 王干事 --stability-officer 赵所长 --deadline 2026-07-15 --requirements 依法解决',
      ),
    )
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const unitId = idArg(raw['unit'], '--unit');
        const filing = {
          ...(raw['id'] === undefined ? {} : { id: idArg(raw['id'], '--id') }),
          title: text(raw['title'], '--title'),
          category: idArg(raw['category'], '--category'),
          priority: (raw['priority'] as string[] | undefined) ?? [],
          petitioner: { name: text(raw['petitioner'], '--petitioner') },
          owningUnit: unitId,
          owningLeader: { name: text(raw['leader'], '--leader') },
          handler: text(raw['handler'], '--handler'),
          stabilityOfficer: text(raw['stabilityOfficer'], '--stability-officer'),
          deadline: dueArg(raw['deadline'], '--deadline'),
          requirements: text(raw['requirements'], '--requirements'),
        };
        const remote = ctx.remote();
        const result = remote
          ? await remoteFileCase(remote, id, unitId, filing)
          : await (
              await ctx.unit(id, unitId)
            )
              .executeUpdate(fileCasesUpdate, { args: [{ filings: [filing], by: ctx.actor(unitId) }] })
              .catch((error: unknown) => ctx.explainMissingUnit(error, id, unitId));
        ctx.print(result, () =>
          result.filed.length > 0
            ? `${style.green('filed')} ${result.filed.join(', ')}`
            : `already in the ledger as ${result.duplicates.map((d) => d.caseId).join(', ')}`,
        );
      }),
    );

  group
    .command('import')
    .description('import a ledger file (CSV or XLSX with the Chinese header row); a bad row imports nothing')
    .argument('<campaign>', 'campaign id')
    .argument('<file>', 'a .csv or .xlsx ledger')
    .option('--notify', 'mail each unit and leader about every imported case')
    .addHelpText('after', example('campaign case import county-2026 台帐.xlsx'))
    .action(
      act(async (ctx, [campaignId = '', file = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const byUnit = await readImport(ctx, id, file);
        const results = await sendImport(ctx, id, byUnit, raw['notify'] === true);
        const filed = results.reduce((n, r) => n + r.result.filed.length, 0);
        const duplicates = results.reduce((n, r) => n + r.result.duplicates.length, 0);
        ctx.print({ filed, duplicates, results }, () =>
          [
            `${style.green('imported')} ${filed} case(s) for ${byUnit.size} unit(s)`,
            ...(duplicates > 0 ? [`  ${duplicates} row(s) were already in the ledger and were skipped`] : []),
          ].join('\n'),
        );
      }),
    );
}

const NOTE_KINDS = ['talk-record', 'investigation', 'stability', 'progress'] as const;

/** What happens while a case is worked: notes, transfer, escalation, a longer deadline. */
function registerCaseWork(group: Command): void {
  caseAction(
    group,
    'note',
    'record progress on a case, e.g. the talk record (谈话记录) of hearing the petitioner again',
    (c) =>
      c
        .requiredOption('--text <text>', 'what was done or learned')
        .option('--kind <kind>', NOTE_KINDS.join(', '), 'progress')
        .addHelpText(
          'after',
          example(
            'campaign case note county-2026 town-boye-0001 --unit town-boye --kind talk-record --text 已约谈信访人',
          ),
        ),
    (caseId, by, raw) => {
      const kind = raw['kind'] as (typeof NOTE_KINDS)[number];
      if (!NOTE_KINDS.includes(kind)) throw usageError(`--kind: one of ${NOTE_KINDS.join(', ')}`);
      return { type: 'note', caseId, by, kind, text: text(raw['text'], '--text') };
    },
  );
  caseAction(
    group,
    'transfer',
    'hand a case to another unit (移交) with its whole history; its deadline stands',
    (c) =>
      c
        .requiredOption('--to <unit>', 'the unit that takes the case over')
        .requiredOption('--reason <text>', 'why the other unit should handle it')
        .option('--handler <name>', "the new unit's handler")
        .option('--stability-officer <name>', "the new unit's stability officer")
        .addHelpText(
          'after',
          example(
            'campaign case transfer county-2026 town-boye-0001 --unit town-boye --to town-chengwei --reason 属地管辖',
          ),
        ),
    (caseId, by, raw) => ({
      type: 'transfer',
      caseId,
      by,
      toUnit: idArg(raw['to'], '--to'),
      reason: text(raw['reason'], '--reason'),
      ...(raw['handler'] === undefined ? {} : { handler: text(raw['handler'], '--handler') }),
      ...(raw['stabilityOfficer'] === undefined
        ? {}
        : { stabilityOfficer: text(raw['stabilityOfficer'], '--stability-officer') }),
    }),
  );
  caseAction(
    group,
    'escalate',
    'bring a hard case to a higher leader (合力攻坚); the leader is mailed when an email is given',
    (c) =>
      c
        .requiredOption('--leader <name>', 'the higher leader')
        .option('--email <address>', "the leader's email")
        .requiredOption('--reason <text>', 'why the case needs the leader'),
    (caseId, by, raw) => ({
      type: 'escalate',
      caseId,
      by,
      toLeader: {
        name: text(raw['leader'], '--leader'),
        ...(raw['email'] === undefined ? {} : { email: text(raw['email'], '--email') }),
      },
      reason: text(raw['reason'], '--reason'),
    }),
  );
  caseAction(
    group,
    'extend',
    "move a case's deadline (延期), with the reason recorded in its history",
    (c) =>
      c
        .requiredOption('--deadline <date>', 'the new deadline, YYYY-MM-DD or an ISO time')
        .requiredOption('--reason <text>', 'why more time is needed'),
    (caseId, by, raw) => ({
      type: 'extend',
      caseId,
      by,
      deadline: dueArg(raw['deadline'], '--deadline'),
      reason: text(raw['reason'], '--reason'),
    }),
  );
}

function registerCaseActions(group: Command): void {
  caseAction(
    group,
    'close',
    'submit the closure report (结案报告); every missing part is named',
    (c) => c.requiredOption('--report <file>', 'YAML or JSON closure report'),
    async (caseId, by, raw) => ({
      type: 'submitClosure',
      caseId,
      by,
      report: await yamlFile(text(raw['report'], '--report'), '--report'),
    }),
  );
  caseAction(
    group,
    'accept',
    "accept a case's closure (销号)",
    (c) => c,
    (caseId, by) => ({ type: 'accept', caseId, by }),
  );
  caseAction(
    group,
    'return',
    'return a closure to the unit with reasons; the case is open again',
    (c) =>
      c
        .requiredOption('--reason <text>', 'why (repeatable)', collect)
        .option('--deadline <date>', 'a new deadline, YYYY-MM-DD'),
    (caseId, by, raw) => ({
      type: 'return',
      caseId,
      by,
      reasons: (raw['reason'] as string[] | undefined) ?? [],
      ...(raw['deadline'] === undefined ? {} : { deadline: dueArg(raw['deadline'], '--deadline') }),
    }),
  );
  caseAction(
    group,
    'next-steps',
    'record next-step measures (下一步工作措施) for a case not closed',
    (c) => c.requiredOption('--text <text>', 'the measures'),
    (caseId, by, raw) => ({ type: 'nextSteps', caseId, by, text: text(raw['text'], '--text') }),
  );
}

export function registerCaseCommands(program: Command): void {
  const cases = program
    .command('case')
    .description('the case ledger (台帐): file, import, list, note, transfer, escalate, extend, close, accept');
  registerFiling(cases);
  cases
    .command('list')
    .description("a unit's cases")
    .argument('<campaign>', 'campaign id')
    .requiredOption('--unit <id>', 'the unit')
    .option('--status <status>', CASE_STATUSES.join(', '))
    .option('--unreconciled', 'only cases neither closed nor given next steps')
    .option('--overdue', 'only open cases past their deadline')
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const status = raw['status'] as CaseStatus | undefined;
        if (status !== undefined && !CASE_STATUSES.includes(status)) {
          throw usageError(`--status: one of ${CASE_STATUSES.join(', ')}`);
        }
        const unitId = idArg(raw['unit'], '--unit');
        const filter = {
          status,
          unreconciled: raw['unreconciled'] === true,
          ...(raw['overdue'] === true ? { overdue: true, asOf: asOfNow() } : {}),
        };
        const remote = ctx.remote();
        const list = remote ? await remoteCases(remote, id, unitId, filter) : await unitCases(ctx, id, unitId, filter);
        // Through the service a unit reads its own view, which carries the plan time and zone.
        const info = remote
          ? await remoteUnitView(remote, id, unitId, null)
          : await (await ctx.campaign(id)).query(campaignStatusQuery, asOfNow());
        ctx.print(list, () => caseTable(list, info));
      }),
    );
  registerCaseWork(cases);
  registerCaseActions(cases);

  registerLedgerViews(program);
}
