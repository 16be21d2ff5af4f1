import type { Command } from 'commander';
import { z } from 'zod';
import type * as Server from '../../service/server';
import { parseArg } from '../args';
import { isUnreachable, unreachable } from '../errors';
import { example } from '../output/help';
import { act } from '../run-cli';

// Loaded on use: Fastify and the service need not slow every other command.
function loadServer(): typeof Server {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- bin/campaign.js registers tsx for CommonJS only
  return require('../../service/server') as typeof Server;
}

const PortSchema = z.coerce.number().int().min(0).max(65_535).optional();

/** `campaign serve`: the HTTP service (JSON API and console) until Ctrl+C. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the campaign service: the JSON API under /api/ and the web console, until Ctrl+C')
    .option('--port <port>', 'HTTP port (default: $CAMPAIGN_SERVICE_PORT, else 8088)')
    .addHelpText(
      'after',
      `${example('campaign serve', 'campaign serve --port 8088')}
Listens on $CAMPAIGN_SERVICE_HOST (default 127.0.0.1). Holders sign in with the credential file
\`campaign start\` issued; the OpenAPI document is at /api/openapi.json.`,
    )
    .action(
      act(async (ctx, _args, raw) => {
        const port = parseArg(PortSchema, raw['port'], '--port');
        const temporal = ctx.temporalConfig();
        let service: Server.RunningService;
        try {
          service = await loadServer().startService({ temporal, env: ctx.env, port });
        } catch (error) {
          if (isUnreachable(error)) throw unreachable(temporal.address);
          throw error;
        }
        ctx.print({ url: service.url }, () => `console and API at ${service.url}  (Ctrl+C stops)`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await service.close();
      }),
    );
}
