import type { Command } from 'commander';
import { z } from 'zod';
import type * as Provision from '../../server/provision';
import type * as CampaignWorker from '../../worker/campaign-worker';
import type * as Demo from '../demo/run-demo';
import { parseArg, PositiveNumberSchema } from '../args';
import { isUnreachable, unreachable } from '../errors';
import { example } from '../output/help';
import { act } from '../run-cli';

/**
 * Loads a module on use: the worker and server modules pull in webpack and the native bridge,
 * which would slow every other command by a second. `require`, because bin/campaign.js registers
 * tsx for CommonJS only and a dynamic import() would bypass it.
 */
function load<T>(module: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  return require(module) as T;
}

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
        const { runServerCommand } = load<typeof Provision>('../../server/provision');
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
        const { runCampaignWorker } = load<typeof CampaignWorker>('../../worker/campaign-worker');
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
        const { provisionAll } = load<typeof Provision>('../../server/provision');
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
        const { runDemo } = load<typeof Demo>('../demo/run-demo');
        await runDemo(ctx, { planFile: String(raw['plan']), daySeconds });
      }),
    );
}
