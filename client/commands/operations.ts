import type { Command } from 'commander';
import { z } from 'zod';
import type * as Provision from '../../server/provision';
import type * as CampaignWorker from '../../worker/campaign-worker';
import type * as Demo from '../demo/run-demo';
import { parseArg, PositiveNumberSchema } from '../args';
import { isUnreachable, unreachable } from '../errors';
import { example } from '../output/help';
import { act } from '../run-cli';

/*
 * The worker, server and demo modules pull in webpack and the native bridge, which would slow every
 * other command by a second: they are required on use. `require` with a literal path, so the
 * compiled CLI (bin/compiled-cli.js) carries them, and tsx (which registers for CommonJS only)
 * compiles them when the CLI runs from its sources.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- see above */
const loadProvision = (): typeof Provision => require('../../server/provision') as typeof Provision;
const loadWorker = (): typeof CampaignWorker => require('../../worker/campaign-worker') as typeof CampaignWorker;
const loadDemo = (): typeof Demo => require('../demo/run-demo') as typeof Demo;
/* eslint-enable @typescript-eslint/no-require-imports */

const PortSchema = z.coerce.number().int().min(1).max(65_535).optional();

export function registerOperationCommands(program: Command): void {
  program
    .command('server')
    .description('run a local Temporal dev server that keeps its data in .data/temporal.sqlite')
    .option('--port <port>', 'gRPC port', '7233')
    .option('--ui-port <port>', 'Web UI port (default: port + 1000)')
    .option('--db-file <file>', 'SQLite file (default: .data/temporal.sqlite)')
    .option('--headless', 'no Web UI')
    .addHelpText('after', example('campaign server', 'campaign server --port 7244 --headless'))
    .action(
      act(async (_ctx, _args, raw) => {
        const { runServerCommand } = loadProvision();
        await runServerCommand({
          port: parseArg(PortSchema, raw['port'], '--port'),
          uiPort: parseArg(PortSchema, raw['uiPort'], '--ui-port'),
          dbFile: typeof raw['dbFile'] === 'string' ? raw['dbFile'] : undefined,
          headless: raw['headless'] === true,
        });
      }),
    );

  program
    .command('worker')
    .description('run the campaign worker (workflows, mail, report store) until Ctrl+C')
    .addHelpText(
      'after',
      `${example('campaign worker', 'campaign worker --task-queue campaigns-test')}
Mail goes to SMTP_URL, or as .eml files to $CAMPAIGN_DATA_DIR/outbox when it is unset.`,
    )
    .action(
      act(async (ctx) => {
        const temporal = ctx.temporalConfig();
        const { runCampaignWorker } = loadWorker();
        try {
          await runCampaignWorker({
            temporal,
            taskQueue: temporal.taskQueue,
            mail: { logPersonalData: ctx.options.debug === true },
          });
        } catch (error) {
          if (isUnreachable(error)) throw unreachable(temporal.address);
          throw error;
        }
      }),
    );

  program
    .command('provision')
    .description('fetch or build the Temporal dev server and test server now, so later runs work offline')
    .addHelpText('after', example('campaign provision'))
    .action(
      act(async () => {
        const { provisionAll } = loadProvision();
        await provisionAll();
      }),
    );

  program
    .command('demo')
    .description('watch a county campaign run in about two minutes: units report, a leader returns and approves')
    .option('--plan <file>', 'the plan to rehearse', 'examples/county-petition-campaign.yaml')
    .option('--day-seconds <seconds>', 'real seconds per plan day', '1')
    .addHelpText(
      'after',
      `${example('campaign demo', 'campaign demo --day-seconds 0.5')}
Uses the Temporal server at TEMPORAL_ADDRESS (or localhost:7233) if one answers, else starts one,
and runs a worker inside this process; both stop when the demo ends.`,
    )
    .action(
      act(async (ctx, _args, raw) => {
        const daySeconds = parseArg(PositiveNumberSchema, raw['daySeconds'], '--day-seconds');
        const { runDemo } = loadDemo();
        await runDemo(ctx, { planFile: String(raw['plan']), daySeconds });
      }),
    );
}
