import type { Command } from 'commander';
import { z } from 'zod';
import type * as AesGcm from '../../codec/aes-gcm-codec';
import type * as CodecServer from '../../codec/codec-server';
import type * as DataConverter from '../../codec/data-converter';
import { parseArg } from '../args';
import { example } from '../output/help';
import { act } from '../run-cli';

const OptionsSchema = z.object({
  port: z.coerce.number().int().min(1).max(65_535),
  host: z.string().trim().min(1),
  origin: z
    .string()
    .transform((list) => list.split(',').map((origin) => origin.trim().replace(/\/+$/, '')))
    .pipe(z.array(z.url('must be the Temporal UI address, e.g. http://localhost:8233')).min(1)),
});

/** `campaign codec-server`: lets an authorised person read encrypted payloads in the Temporal UI. */
export function registerCodecServerCommand(program: Command): void {
  program
    .command('codec-server')
    .description('decrypt payloads for the Temporal Web UI (its "codec endpoint"), for people who may read them')
    .option('--port <port>', 'HTTP port', '8888')
    .option('--host <address>', 'address to listen on (0.0.0.0 inside a container)', '127.0.0.1')
    .option(
      '--origin <urls>',
      'Temporal UI origins allowed to call it, comma-separated',
      'http://localhost:8233,http://127.0.0.1:8233',
    )
    .addHelpText(
      'after',
      `${example('CAMPAIGN_CODEC_TOKEN=secret campaign codec-server --port 8888 --origin http://localhost:8233')}
Uses the same keys as the worker (CAMPAIGN_CODEC_KEYS, CAMPAIGN_CODEC_KEY_FILE, or the data folder's
codec-keys.json). Set CAMPAIGN_CODEC_TOKEN so that only people holding it can decode: the Web UI sends
it as part of the endpoint, so in the UI's codec settings (in your own browser) enter
http://localhost:8888/<token>; the temporal CLI sends it as a header:
  temporal workflow show -w ID --codec-endpoint http://localhost:8888 --codec-auth "Bearer <token>"
Without a token, anyone who can reach the port can read campaign data.`,
    )
    .action(
      act(async (ctx, _args, raw) => {
        const options = parseArg(OptionsSchema, raw, 'options');
        const token = ctx.env['CAMPAIGN_CODEC_TOKEN']?.trim() || undefined;
        // Loaded here: the codec pulls in Temporal's protobufs, which no other command needs at start.
        /* eslint-disable @typescript-eslint/no-require-imports -- tsx registers for CommonJS only */
        const { AesGcmPayloadCodec } = require('../../codec/aes-gcm-codec') as typeof AesGcm;
        const { startCodecServer } = require('../../codec/codec-server') as typeof CodecServer;
        const { campaignKeyring } = require('../../codec/data-converter') as typeof DataConverter;
        /* eslint-enable @typescript-eslint/no-require-imports */
        const codec = new AesGcmPayloadCodec(campaignKeyring(ctx.env));
        const server = await startCodecServer({
          codec,
          port: options.port,
          host: options.host,
          origins: options.origin,
          token,
        });
        process.stderr.write(
          `codec server on http://${options.host}:${options.port} for ${options.origin.join(', ')}${token ? ' (token required)' : ' (no token: anyone who reaches this port can decode)'}; Ctrl-C stops it\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => server.close(() => resolve());
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      }),
    );
}
