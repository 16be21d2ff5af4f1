import { FILE_LIMITS, readTextFile, regularFileSize } from '../../activities/files/bounded-file';
import path from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { checkAttachment, mediaTypeFor, storeReportFiles } from '../../activities/reports/report-limits';
import { ReportSchema, type Report } from '../../domain/reports/report-schema';
import type { ObligationRow } from '../../domain/unit/unit-progress';
import { asOfNow, submitReportUpdate, unitStatusQuery, type UnitStatusView } from '../../contracts';
import { collect, dateArg, idArg } from '../args';
import type { CliContext, WorkflowAccess } from '../context';
import { remoteSubmit, remoteUnitView } from '../remote/remote-views';
import type { ServiceClient } from '../remote/service-client';
import { CliError, EXIT, usageError } from '../errors';
import { formatDuration, formatTime } from '../output/format';
import { example } from '../output/help';
import { style } from '../output/style';
import { obligationTable } from '../output/obligations';
import { act } from '../run-cli';
import { withSharedStores } from '../shared-stores';
import { explainEarlySubmission } from './campaign-starting';

export async function unitView(ctx: WorkflowAccess, campaignId: string, unitId: string): Promise<UnitStatusView> {
  const handle = await ctx.unit(campaignId, unitId);
  return handle
    .query(unitStatusQuery, asOfNow())
    .catch((error: unknown) => ctx.explainMissingUnit(error, campaignId, unitId));
}

const owing = (row: ObligationRow) => row.state === 'open' || row.state === 'overdue';

/** What `campaign todo` lists: what is still owed (or everything with `all`), soonest due first. */
export function todoRows(view: UnitStatusView, all: boolean): ObligationRow[] {
  return view.rows.filter((row) => all || owing(row)).sort((a, b) => a.dueMs - b.dueMs);
}

/** Every file is checked (type, size) before any is stored or anything is sent. */
async function checkFiles(files: string[]): Promise<void> {
  for (const file of files) {
    const size = await regularFileSize(file);
    const name = path.basename(file);
    const check = checkAttachment({
      name,
      size,
      mediaType: mediaTypeFor(name) ?? 'application/octet-stream',
    });
    if (!check.ok)
      throw new CliError(
        check.error.message,
        EXIT.failed,
        'nothing was sent; fix the file and submit again',
        check.error.code,
      );
  }
}

async function reportFromFile(file: string): Promise<Omit<Report, 'attachments'>> {
  const text = await readTextFile(file, FILE_LIMITS.yaml);
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw usageError(`--report ${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const parsed = ReportSchema.omit({ attachments: true }).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(
      `--report ${file}: ${issue?.path.join('.') || 'report'}: ${issue?.message ?? 'invalid'}`,
      EXIT.failed,
      'a report file holds text, members (name, role, phone) and fields',
      'invalid_report',
    );
  }
  return parsed.data;
}

interface SubmissionInput {
  deliverableId: string;
  occurrence?: string;
  base: Omit<Report, 'attachments'>;
  text?: string;
  files: string[];
}

/** Stores the files where the workers read them, then sends the update with the caller's credential. */
async function submitToTemporal(ctx: CliContext, id: string, unitId: string, input: SubmissionInput) {
  const { deliverableId, occurrence, base, text, files } = input;
  const view = await (
    await ctx.unit(id, unitId)
  )
    .query(unitStatusQuery, asOfNow())
    .catch((error: unknown) => explainEarlySubmission(ctx, id, unitId, error, undefined));
  // The same store the workers read: with DATABASE_URL, PostgreSQL, so any host finds the files.
  const refs = await withSharedStores(ctx.env, (stores) => storeReportFiles(files, { store: stores.reports }));
  const report: Report = {
    ...base,
    ...(text === undefined ? {} : { text }),
    ...(refs.length === 0
      ? {}
      : { attachments: refs.map(({ name, ref, size, mediaType }) => ({ name, ref, size, mediaType })) }),
  };
  const handle = await ctx.unit(id, unitId);
  const receipt = await handle
    .executeUpdate(submitReportUpdate, { args: [{ deliverableId, occurrence, report, by: ctx.actor(unitId) }] })
    .catch((error: unknown) => explainEarlySubmission(ctx, id, unitId, error, view.rows.length));
  return { view, receipt, refs };
}

/** Through the campaign service: it stores the files in the workers' store and acts with the credential file. */
async function submitThroughService(svc: ServiceClient, id: string, unitId: string, input: SubmissionInput) {
  const view = await remoteUnitView(svc, id, unitId, null);
  const report = { ...input.base, ...(input.text === undefined ? {} : { text: input.text }) };
  const { files: refs, ...receipt } = await remoteSubmit(svc, id, unitId, { ...input, report });
  return { view, receipt, refs };
}

export function registerUnitCommands(program: Command): void {
  program
    .command('todo')
    .description('what a unit still owes, and by when (overdue first)')
    .argument('<campaign>', 'campaign id')
    .requiredOption('--unit <id>', 'your unit')
    .option('--all', 'also list what was already submitted')
    .addHelpText('after', example('campaign todo county-petition-2026 --unit town-boye'))
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const unitId = idArg(raw['unit'], '--unit');
        const all = raw['all'] === true;
        const remote = ctx.remote();
        const view = remote ? await remoteUnitView(remote, id, unitId, { all }) : await unitView(ctx, id, unitId);
        const rows = remote ? view.rows : todoRows(view, all);
        ctx.print({ ...view, rows }, () => {
          const head = `${view.unitName} (${view.unitId}) — plan time ${formatTime(view.nowMs, view.timeZone)}${view.ended ? ', campaign ended' : ''}`;
          if (rows.length === 0) return `${head}\n${style.green('nothing owed right now')}`;
          return `${head}\n${obligationTable(rows, view)}`;
        });
      }),
    );

  program
    .command('submit')
    .description("submit a unit's report for a deliverable: files, text, or a structured report file")
    .argument('<campaign>', 'campaign id')
    .requiredOption('--unit <id>', 'your unit')
    .requiredOption('--deliverable <id>', 'the deliverable id (see `campaign todo`)')
    .option('--occurrence <date>', 'for a recurring deliverable: the due date of the occurrence (YYYY-MM-DD)')
    .option('--file <path>', 'attach a file (repeatable): docx, pdf, xlsx, png, jpg, txt, csv, md', collect)
    .option('--text <text>', 'the report text')
    .option('--report <file>', 'a YAML or JSON report: { text, members: [{ name, role, phone }], fields }')
    .addHelpText(
      'after',
      example(
        'campaign submit county-petition-2026 --unit town-boye --deliverable working-group-members --file 名单.xlsx',
        'campaign submit county-petition-2026 --unit town-boye --deliverable weekly-progress --text "本周化解3件"',
      ),
    )
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const unitId = idArg(raw['unit'], '--unit');
        const deliverableId = idArg(raw['deliverable'], '--deliverable');
        const occurrence = raw['occurrence'] === undefined ? undefined : dateArg(raw['occurrence'], '--occurrence');
        const files = (raw['file'] as string[] | undefined) ?? [];
        const text = typeof raw['text'] === 'string' ? raw['text'] : undefined;
        const reportFile = typeof raw['report'] === 'string' ? raw['report'] : undefined;
        if (files.length === 0 && text === undefined && reportFile === undefined) {
          throw usageError('say what you submit: --file, --text or --report');
        }
        await checkFiles(files);
        const base = reportFile === undefined ? {} : await reportFromFile(reportFile);
        const remote = ctx.remote();
        const { view, receipt, refs } = remote
          ? await submitThroughService(remote, id, unitId, { deliverableId, occurrence, base, text, files })
          : await submitToTemporal(ctx, id, unitId, { deliverableId, occurrence, base, text, files });
        ctx.print(receipt, () => {
          const verdict = receipt.onTime
            ? style.green('on time')
            : style.red(`late by ${formatDuration(receipt.lateByMs)}`);
          const afterReturn =
            receipt.returns > 0 && receipt.thisSubmissionLateByMs !== receipt.lateByMs
              ? ` (counted from the submission before the return; this one is ${receipt.thisSubmissionLateByMs === 0 ? 'within the new due date' : `late by ${formatDuration(receipt.thisSubmissionLateByMs)}`})`
              : '';
          return [
            `${style.green('submitted')} ${receipt.title} (${receipt.key}) for ${view.unitName}: ${verdict}${afterReturn}`,
            `  submitted ${formatTime(receipt.submittedAtMs, view.timeZone)}, due ${formatTime(receipt.dueMs, view.timeZone)}`,
            ...(refs.length > 0 ? [`  ${refs.length} file(s) stored: ${refs.map((r) => r.name).join(', ')}`] : []),
          ].join('\n');
        });
      }),
    );
}
