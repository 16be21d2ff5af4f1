import { FILE_LIMITS, readTextFile } from '../../activities/files/bounded-file';
import type { Command } from 'commander';
import { loadMailConfig } from '../../config/mail-config';
import { credentialsDir, writeCredentialFiles } from '../access/credential-files';
import { recordIssuedCredentials } from '../access/credential-registry';
import { newToken, unitRegistry, type IssuedCredential } from '../access/issue-credentials';
import { parse as parseYaml } from 'yaml';
import { UnitSchema, type Unit } from '../../domain/plan/schema';
import {
  accessQuery,
  asOfNow,
  addUnitUpdate,
  cancelCampaignUpdate,
  extendDeadlineUpdate,
  pauseRemindersUpdate,
  resumeRemindersUpdate,
  type ActionReceipt,
  unitStatusQuery,
} from '../../contracts';
import { dateArg, dueArg, idArg, parseArg } from '../args';
import type { CliContext } from '../context';
import { CliError, EXIT, usageError } from '../errors';
import { formatTime } from '../output/format';
import { example } from '../output/help';
import { style } from '../output/style';
import { printOut } from '../output/safe-text';
import { act } from '../run-cli';

function printReceipt(ctx: CliContext, receipt: ActionReceipt): void {
  ctx.print(receipt, () => `${style.green('ok')} ${receipt.message}`);
}

async function unitFromFile(file: string): Promise<unknown> {
  const text = await readTextFile(file, FILE_LIMITS.yaml);
  try {
    return parseYaml(text) as unknown;
  } catch (error) {
    throw usageError(`cannot read unit file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function unitFromOptions(raw: Record<string, unknown>): unknown {
  const text = (key: string) => (typeof raw[key] === 'string' ? raw[key] : undefined);
  return {
    id: text('unitId'),
    name: text('name'),
    parent: text('parent'),
    head: { name: text('headName') ?? text('name'), email: text('headEmail') },
    contact: { name: text('contactName') ?? text('name'), email: text('contactEmail'), phone: text('contactPhone') },
  };
}

const UNIT_FLAGS: Record<string, string> = {
  id: '--unit-id',
  name: '--name',
  parent: '--parent',
  'head.name': '--head-name',
  'head.email': '--head-email',
  'contact.name': '--contact-name',
  'contact.email': '--contact-email',
  'contact.phone': '--contact-phone',
};

/** Checks a unit built from flags and names the flag, not the schema path, when one is wrong. */
function unitFromFlags(candidate: unknown): Unit {
  const parsed = UnitSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = UNIT_FLAGS[issue?.path.join('.') ?? ''] ?? 'unit';
  const missing = issue?.code === 'invalid_type' && issue.input === undefined;
  throw usageError(`${flag}: ${missing ? 'is missing' : (issue?.message ?? 'invalid')}`);
}

export function registerOfficeUpdateCommands(program: Command): void {
  program
    .command('add-unit')
    .description('add a participating unit to a running campaign')
    .argument('<campaign>', 'campaign id')
    .option('--unit-file <file>', 'the unit as YAML or JSON (id, name, head, contact), as in a plan')
    .option('--unit-id <id>', 'the new unit id')
    .option('--name <name>', 'the unit name, e.g. 东关镇')
    .option('--contact-email <email>', 'who receives reminders and submits')
    .option('--contact-name <name>', 'the contact person (default: the unit name)')
    .option('--contact-phone <phone>', "the contact's phone")
    .option('--head-name <name>', 'the unit head (主要领导)')
    .option('--head-email <email>', "the head's e-mail (told when a report is late)")
    .option('--parent <id>', 'the unit this one belongs to')
    .addHelpText(
      'after',
      example(
        'campaign add-unit county-petition-2026 --unit-id town-dongguan --name 东关镇 --contact-email dg@example.org',
        'campaign add-unit county-petition-2026 --unit-file dongguan.yaml',
      ),
    )
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const fromFile = typeof raw['unitFile'] === 'string';
        if (fromFile === (raw['unitId'] !== undefined))
          throw usageError('give either --unit-file or --unit-id (with --name and --contact-email)');
        const candidate = fromFile ? await unitFromFile(raw['unitFile'] as string) : unitFromOptions(raw);
        const unit: Unit = fromFile ? parseArg(UnitSchema, candidate, '--unit-file') : unitFromFlags(candidate);
        const id = idArg(campaignId, 'campaign');
        const handle = await ctx.campaign(id);
        const issued = await newUnitCredential(ctx, id, unit.id);
        const input = { unit, by: ctx.actor(), ...(issued ? { access: issued.access } : {}) };
        printReceipt(ctx, await handle.executeUpdate(addUnitUpdate, { args: [input] }));
        if (issued) {
          const [file] = writeCredentialFiles(credentialsDir(loadMailConfig(ctx.env).dataDir, id), [issued.credential]);
          await recordIssuedCredentials(ctx.env, [issued.credential]);
          if (!ctx.json) printOut(`  credential   ${file ?? ''} (hand it to ${unit.name})\n`);
        }
      }),
    );

  for (const [name, update, verb] of [
    ['pause', pauseRemindersUpdate, 'pause reminders and escalations (e.g. over a holiday); deadlines stay'],
    ['resume', resumeRemindersUpdate, 'resume reminders and escalations after `campaign pause`'],
  ] as const) {
    program
      .command(name)
      .description(verb)
      .argument('<campaign>', 'campaign id')
      .addHelpText('after', example(`campaign ${name} county-petition-2026`))
      .action(
        act(async (ctx, [campaignId = '']) => {
          const handle = await ctx.campaign(idArg(campaignId, 'campaign'));
          printReceipt(ctx, await handle.executeUpdate(update, { args: [{ by: ctx.actor() }] }));
        }),
      );
  }

  program
    .command('cancel')
    .description('cancel a campaign; every unit is told why')
    .argument('<campaign>', 'campaign id')
    .requiredOption('--reason <text>', 'why, in a sentence the units will read')
    .addHelpText('after', example('campaign cancel county-rehearsal-1 --reason "rehearsal finished"'))
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const reason = String(raw['reason']);
        const handle = await ctx.campaign(idArg(campaignId, 'campaign'));
        printReceipt(ctx, await handle.executeUpdate(cancelCampaignUpdate, { args: [{ reason, by: ctx.actor() }] }));
      }),
    );

  program
    .command('extend')
    .description("move one unit's deadline for a deliverable")
    .argument('<campaign>', 'campaign id')
    .requiredOption('--unit <id>', 'the unit')
    .requiredOption('--deliverable <id>', 'the deliverable id from the plan')
    .option('--occurrence <date>', 'for a recurring deliverable: the due date of the occurrence (YYYY-MM-DD)')
    .requiredOption('--due <date>', 'the new due date (YYYY-MM-DD, due at the plan time of day) or an ISO time')
    .requiredOption('--reason <text>', 'why the unit gets more time')
    .addHelpText(
      'after',
      example(
        'campaign extend county-petition-2026 --unit town-boye --deliverable case-ledger --due 2026-04-24 --reason "汛期抢险"',
      ),
    )
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const unitId = idArg(raw['unit'], '--unit');
        const input = {
          deliverableId: idArg(raw['deliverable'], '--deliverable'),
          occurrence: raw['occurrence'] === undefined ? undefined : dateArg(raw['occurrence'], '--occurrence'),
          newDue: dueArg(raw['due'], '--due'),
          reason: String(raw['reason']),
          by: ctx.actor(),
        };
        const handle = await ctx.unit(id, unitId);
        const view = await handle
          .query(unitStatusQuery, asOfNow())
          .catch((error: unknown) => ctx.explainMissingUnit(error, id, unitId));
        const moved = await handle.executeUpdate(extendDeadlineUpdate, { args: [input] });
        if (!Number.isFinite(moved.dueMs)) throw new CliError('the campaign returned no new due time', EXIT.failed);
        ctx.print(
          { ok: true, unitId, ...moved },
          () => `${style.green('ok')} ${moved.key} for ${unitId} is now due ${formatTime(moved.dueMs, view.timeZone)}`,
        );
      }),
    );
}

/**
 * Under credentials a new unit needs its own credential and chains for its workflow: its own, and
 * those of the office and leaders whose credentials this caller holds (the others cannot act there).
 */
async function newUnitCredential(ctx: CliContext, campaignId: string, unitId: string) {
  const handle = await ctx.campaign(campaignId);
  const depths = await handle.query(accessQuery);
  if (depths === null) return undefined;
  const credential: IssuedCredential = { campaignId, principal: `unit:${unitId}`, token: newToken() };
  const holders = ctx
    .wallet()
    .credentials(campaignId)
    .filter((c) => !c.principal.startsWith('unit:'));
  return { credential, access: unitRegistry(campaignId, unitId, [...holders, credential]) };
}
