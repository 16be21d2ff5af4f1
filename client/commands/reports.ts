import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../../activities/notify/atomic-file';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { NotificationLogEntry } from '../../activities/notify/notification-log';
import { loadMailConfig } from '../../config/mail-config';
import { campaignInfoQuery } from '../../contracts';
import { idArg, parseArg } from '../args';
import { formatTime, localTimeZone } from '../output/format';
import { example } from '../output/help';
import { style } from '../output/style';
import { renderTable } from '../output/table';
import type * as ReportSnapshot from '../report-snapshot';
import { printOut } from '../output/safe-text';
import { act } from '../run-cli';
import { remoteGlance, remoteNotifications, remoteReport } from '../remote/remote-views';
import { withSharedStores } from '../shared-stores';

// The report compiler brings the activities' runtime with it: loaded when a report is compiled.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx registers for CommonJS only
const loadReportSnapshot = () => require('../report-snapshot') as typeof ReportSnapshot;

const FORMATS = { md: 'markdown', html: 'html', csv: 'csv' } as const;
const ReportOptions = z.object({ format: z.enum(['md', 'html', 'csv']), out: z.string().optional() });

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('compile the campaign report now (who reported on time, late, not at all; escalations)')
    .argument('<campaign>', 'campaign id')
    .option('--format <format>', 'md, html or csv', 'md')
    .option('--out <dir>', 'write the file into this folder (default: print it)')
    .addHelpText('after', example('campaign report county-petition-2026 --format html --out reports/'))
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const options = parseArg(ReportOptions, raw, 'options');
        const remote = ctx.remote();
        const text = remote
          ? await remoteReport(remote, id, options.format)
          : await (async () => {
              const handle = await ctx.campaign(id);
              await handle.query(campaignInfoQuery); // a clear "no campaign" before the slower gathering
              // Attached files are looked up where the workers keep them, as the published report does.
              const report = await withSharedStores(ctx.env, async (stores) =>
                loadReportSnapshot().compileReportNow(await ctx.client(), id, stores.reports),
              );
              return report[FORMATS[options.format]];
            })();
        if (options.out === undefined) {
          if (ctx.json) ctx.print({ campaignId: id, format: options.format, text }, () => text);
          else printOut(text.endsWith('\n') ? text : `${text}\n`);
          return;
        }
        // The report names units, leaders and people late or held to account: the user's alone,
        // like the ledger export with personal data (0600; a folder it makes, 0700).
        await mkdir(options.out, { recursive: true, mode: PRIVATE_FOLDER });
        const file = path.resolve(options.out, `${id}-report.${options.format}`);
        await writeFile(file, text, { encoding: 'utf8', mode: PRIVATE_FILE });
        // writeFile keeps the mode of a file that was there already.
        await chmod(file, PRIVATE_FILE);
        ctx.print({ campaignId: id, format: options.format, file }, () => `${style.green('wrote')} ${file}`);
      }),
    );

  program
    .command('notifications')
    .description('who was told what and when (the log the workers keep: the data folder, or the shared database)')
    .argument('<campaign>', 'campaign id')
    .option('--last <n>', 'only the last N entries')
    .addHelpText('after', example('campaign notifications county-petition-2026 --last 20'))
    .action(
      act(async (ctx, [campaignId = ''], raw) => {
        const id = idArg(campaignId, 'campaign');
        const last = parseArg(z.coerce.number().int().positive().optional(), raw['last'], '--last');
        const config = loadMailConfig(ctx.env);
        const remote = ctx.remote();
        if (remote) {
          const answer = await remoteNotifications(remote, id, last);
          const zone = await remoteGlance(remote, id).then(
            (g) => g.timeZone,
            () => localTimeZone(),
          );
          ctx.print(answer, () => notificationTable(answer.entries, zone) ?? `no notifications for "${id}"`);
          return;
        }
        // From the store the workers share: with DATABASE_URL, every host's mail, read from any host.
        const { all, where } = await withSharedStores(ctx.env, async (stores) => ({
          all: await stores.notifications.read(id),
          where: stores.kind === 'postgres' ? 'the campaign database' : config.dataDir,
        }));
        const entries = last === undefined ? all : all.slice(-last);
        // The plan's zone when the campaign answers; the log itself is readable without a server.
        const zone = await ctx
          .campaign(id)
          .then((handle) => handle.query(campaignInfoQuery))
          .then((info) => info.timeZone)
          .catch(() => localTimeZone());
        ctx.print({ campaignId: id, dataDir: config.dataDir, entries }, () => {
          if (entries.length === 0) {
            return `no notifications for "${id}" in ${where} (the log is kept where the workers keep it; set CAMPAIGN_DATA_DIR, or DATABASE_URL on several hosts, as they do)`;
          }
          return notificationTable(entries, zone) ?? '';
        });
      }),
    );
}

/** The notification log as a table; undefined when it is empty. */
function notificationTable(entries: NotificationLogEntry[], zone: string): string | undefined {
  if (entries.length === 0) return undefined;
  const statusText = (status: string) =>
    status === 'failed' ? style.red(status) : status === 'deferred' ? style.yellow(status) : status;
  return renderTable(
    [
      { header: 'plan time' },
      { header: 'kind' },
      { header: 'to', max: 36 },
      { header: 'status' },
      { header: 'subject', max: 50 },
    ],
    entries.map((e) => [
      formatTime(Date.parse(e.at), zone),
      e.kind,
      `${e.name} <${e.email}>`,
      statusText(e.status),
      e.subject,
    ]),
  );
}
