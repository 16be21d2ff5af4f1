import type { Command } from 'commander';
import fs from 'node:fs';
import { z } from 'zod';
import { loadMailConfig } from '../../config/mail-config';
import { credentialsDir, writeCredentialFiles } from '../access/credential-files';
import { recordIssuedCredentials } from '../access/credential-registry';
import { issueCredentials } from '../access/issue-credentials';
import { formatIssueIn } from '../../domain/plan/load-plan';
import type { Plan } from '../../domain/plan/schema';
import type { PlanIssue } from '../../domain/plan/validate-plan';
import { campaignWorkflowId, unitTaskQueueOf } from '../../contracts';
import { idArg, parseArg, PositiveNumberSchema } from '../args';
import type { CliContext } from '../context';
import { CliError, EXIT, usageError } from '../errors';
import { formatTime, localTimeZone, plural } from '../output/format';
import { example } from '../output/help';
import { style } from '../output/style';
import { renderTable } from '../output/table';
import { readPlanFile } from '../plan/read-plan-file';
import { printErr } from '../output/safe-text';
import { act } from '../run-cli';
import { startCampaign } from '../start-campaign';

const DAY_SECONDS = 86_400;

function issueLines(file: string, errors: PlanIssue[], warnings: PlanIssue[]): string[] {
  return [
    ...errors.map((issue) => `${style.red('error')}    ${formatIssueIn(file, issue)}`),
    ...warnings.map((issue) => `${style.yellow('warning')}  ${formatIssueIn(file, issue)}`),
  ];
}

/** Reads and checks a plan; on errors prints every issue and fails with exit 1. */
export async function loadPlan(ctx: CliContext, file: string): Promise<{ plan: Plan; warnings: PlanIssue[] }> {
  const result = await readPlanFile(file);
  if (result.ok) return result;
  if (!ctx.json) printErr(`${issueLines(file, result.errors, result.warnings).join('\n')}\n`);
  throw new CliError(
    `${file} has ${plural(result.errors.length, 'error')}; nothing was started`,
    EXIT.failed,
    `fix them, then check again with \`campaign validate ${file}\``,
    'invalid_plan',
  );
}

function validateVerdict(file: string, errors: number, warnings: number, toFill: number | undefined): string {
  const warned = warnings ? ` (${plural(warnings, 'warning')})` : '';
  if (errors > 0) return style.red(`${file}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  if (toFill === undefined || toFill === 0) return style.green(`${file} is a valid plan`) + warned;
  return style.yellow(`${file} is a draft: ${toFill} to fill (待填)`) + warned;
}

const StartOptions = z.object({
  id: z.string().optional(),
  rehearsal: PositiveNumberSchema.optional(),
  rehearsalDay: PositiveNumberSchema.optional(),
  credentials: z.boolean().default(true),
  credentialsDir: z.string().trim().min(1).optional(),
});

/** CLI state names → the server's ExecutionStatus search attribute values. */
const LIST_STATES = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Canceled',
  terminated: 'Terminated',
  'timed-out': 'TimedOut',
  'continued-as-new': 'ContinuedAsNew',
} as const;
type ListState = keyof typeof LIST_STATES;
const stateNames = Object.keys(LIST_STATES) as [ListState, ...ListState[]];

export function registerOfficeCommands(program: Command): void {
  program
    .command('validate')
    .description('check a plan file and list every issue (errors and warnings) with its place')
    .argument('<plan>', 'plan file (YAML or JSON)')
    .option('--draft', 'a draft (campaign draft): list the placeholders (待填) as what remains, not as errors')
    .addHelpText(
      'after',
      example('campaign validate examples/county-petition-campaign.yaml', 'campaign validate draft.yaml --draft'),
    )
    .action(
      act(async (ctx, [file = ''], raw) => {
        const draft = raw['draft'] === true;
        const result = await readPlanFile(file, { draft });
        const errors = result.ok ? [] : result.errors;
        const remaining = result.remaining ?? [];
        const ok = errors.length === 0 && (result.ok || draft);
        ctx.print({ ok, file, errors, warnings: result.warnings, ...(draft ? { remaining } : {}) }, () => {
          const lines = [
            ...issueLines(file, errors, result.warnings),
            ...remaining.map((issue) => `${style.yellow('to fill')}  ${formatIssueIn(file, issue)}`),
          ];
          return [
            ...lines,
            validateVerdict(file, errors.length, result.warnings.length, draft ? remaining.length : undefined),
          ].join('\n');
        });
        if (!ok) process.exitCode = EXIT.failed;
      }),
    );

  program
    .command('start')
    .description('start a campaign from a plan file (live, or as a rehearsal that runs plan days faster)')
    .argument('<plan>', 'plan file (YAML or JSON)')
    .option('--id <id>', 'run under another campaign id than the plan says (e.g. for a rehearsal)')
    .option('--rehearsal <scale>', 'rehearse: plan time runs SCALE times faster, from the first phase')
    .option('--rehearsal-day <seconds>', 'rehearse: one plan day lasts SECONDS real seconds')
    .option('--credentials-dir <dir>', 'where the credential files go (default: $CAMPAIGN_DATA_DIR/credentials/<id>)')
    .option('--no-credentials', 'start without credentials: anyone who reaches Temporal may act (training only)')
    .addHelpText(
      'after',
      example('campaign start plan.yaml', 'campaign start plan.yaml --id county-rehearsal-1 --rehearsal-day 2'),
    )
    .action(
      act(async (ctx, [file = ''], raw) => {
        const options = parseArg(StartOptions, raw, 'options');
        if (options.rehearsal !== undefined && options.rehearsalDay !== undefined) {
          throw usageError('give either --rehearsal or --rehearsal-day, not both');
        }
        const id = options.id === undefined ? undefined : idArg(options.id, '--id');
        const scale = options.rehearsalDay !== undefined ? DAY_SECONDS / options.rehearsalDay : options.rehearsal;
        if (!options.credentials && scale === undefined) {
          throw usageError(
            '--no-credentials is for rehearsals only: without credentials anyone who reaches Temporal may act, even cancel the campaign',
            'rehearse with --rehearsal-day N (or --rehearsal), or start the live campaign with its credentials',
          );
        }
        const { plan, warnings } = await loadPlan(ctx, file);
        if (!ctx.json && warnings.length > 0) printErr(`${issueLines(file, [], warnings).join('\n')}\n`);
        const campaignId = id ?? plan.campaign.id;
        ctx.campaignId = campaignId;
        const client = await ctx.client();
        const taskQueue = ctx.temporalConfig().taskQueue;
        const issued = options.credentials ? issueCredentials(plan, campaignId) : undefined;
        const dir = options.credentialsDir ?? credentialsDir(loadMailConfig(ctx.env).dataDir, campaignId);
        // Written beside the folder first and moved in only once the campaign exists, so a failed
        // start never replaces the credentials of a campaign already running under this id.
        const staging = issued ? `${dir}.new-${process.pid}` : undefined;
        if (staging && issued) writeCredentialFiles(staging, issued.credentials);
        try {
          await startCampaign(client, plan, {
            taskQueue,
            startedBy: ctx.actor(),
            rehearsalScale: scale,
            campaignId,
            access: issued?.access,
            unitTaskQueue: unitTaskQueueOf(taskQueue),
          });
        } catch (error) {
          if (staging) fs.rmSync(staging, { recursive: true, force: true });
          throw error;
        }
        if (staging) {
          fs.rmSync(dir, { recursive: true, force: true });
          fs.renameSync(staging, dir);
        }
        // Their public halves, for the campaign service's sign-in on any host.
        if (issued) await recordIssuedCredentials(ctx.env, issued.credentials);
        const label =
          scale === undefined
            ? 'live'
            : `rehearsal ×${Math.round(scale)} (one plan day ≈ ${(DAY_SECONDS / scale).toFixed(1)} s)`;
        ctx.print(
          {
            campaignId,
            workflowId: campaignWorkflowId(campaignId),
            taskQueue,
            rehearsal: scale !== undefined,
            scale: scale ?? 1,
            label,
            credentials: issued ? { dir, holders: issued.credentials.map((c) => c.principal) } : null,
          },
          () =>
            [
              `${style.green('started')} ${plan.campaign.title}`,
              `  campaign id  ${campaignId}`,
              `  workflow id  ${campaignWorkflowId(campaignId)}`,
              `  task queue   ${taskQueue}`,
              `  mode         ${label}`,
              issued
                ? `  credentials  ${issued.credentials.length} files in ${dir} (hand each unit and leader its own file)`
                : `  credentials  ${style.yellow('none')}: anyone who reaches Temporal may act`,
              plan.phases.length > 0
                ? `next: campaign status ${campaignId}`
                : `next: campaign receptions today ${campaignId} (receptions only: no phases run)`,
            ].join('\n'),
        );
      }),
    );

  program
    .command('list')
    .description('list campaigns known to the server')
    .option('--state <state>', `only campaigns in this state (${stateNames.join(', ')})`)
    .option('--limit <n>', 'at most this many', '50')
    .addHelpText('after', example('campaign list --state running'))
    .action(
      act(async (ctx, _args, raw) => {
        const options = parseArg(
          z.object({ state: z.enum(stateNames).optional(), limit: z.coerce.number().int().positive() }),
          raw,
          'options',
        );
        const query = `WorkflowType = 'campaignWorkflow'${options.state ? ` AND ExecutionStatus = '${LIST_STATES[options.state]}'` : ''}`;
        const client = await ctx.client();
        const found: {
          campaignId: string;
          workflowId: string;
          state: string;
          startedAt: string;
          title: string;
          rehearsal: boolean;
          credentials: boolean;
        }[] = [];
        for await (const execution of client.workflow.list({ query })) {
          found.push({
            campaignId: execution.workflowId.replace(/^campaign:/, ''),
            workflowId: execution.workflowId,
            state: execution.status.name.toLowerCase().replace(/_/g, '-'),
            startedAt: execution.startTime.toISOString(),
            title: typeof execution.memo?.['title'] === 'string' ? execution.memo['title'] : '',
            rehearsal: execution.memo?.['rehearsal'] === true,
            credentials: execution.memo?.['credentials'] !== false,
          });
          if (found.length >= options.limit) break;
        }
        const zone = localTimeZone();
        ctx.print(found, () =>
          found.length === 0
            ? `no campaigns${options.state ? ` in state ${options.state}` : ''}`
            : renderTable(
                [
                  { header: 'campaign' },
                  { header: 'state' },
                  { header: 'started' },
                  { header: 'mode' },
                  { header: 'title', max: 40 },
                ],
                found.map((c) => [
                  c.campaignId,
                  c.state,
                  formatTime(Date.parse(c.startedAt), zone),
                  `${c.rehearsal ? 'rehearsal' : 'live'}${c.credentials ? '' : ', no credentials'}`,
                  c.title,
                ]),
              ),
        );
      }),
    );
}
