import type { Command } from 'commander';
import { z } from 'zod';
import { AesGcmPayloadCodec } from '../../codec/aes-gcm-codec';
import { startCodecServer } from '../../codec/codec-server';
import { campaignKeyring } from '../../codec/data-converter';
import { parseArg } from '../args';
import { example } from '../output/help';
import { act } from '../run-cli';

const OptionsSchema = z.object({
  port: z.coerce.number().int().min(1).max(65_535),
  origin: z.url('must be the Temporal UI address, e.g. http://localhost:8233'),
});

/** `campaign codec-server`: lets an authorised person read encrypted payloads in the Temporal UI. */
export function registerCodecServerCommand(program: Command): void {
  program
    .command('codec-server')
    .description('decrypt payloads for the Temporal Web UI (its "codec endpoint"), for people who may read them')
    .option('--port <port>', 'HTTP port', '8888')
    .option('--origin <url>', 'the Temporal UI origin allowed to call it', 'http://localhost:8233')
    .addHelpText(
      'after',
      `${example('CAMPAIGN_CODEC_TOKEN=secret campaign codec-server --port 8888 --origin http://localhost:8233')}
Uses the same keys as the worker (CAMPAIGN_CODEC_KEYS, CAMPAIGN_CODEC_KEY_FILE, or the data folder's
codec-keys.json). Set CAMPAIGN_CODEC_TOKEN to require "Authorization: Bearer <token>". In the UI, set
the codec endpoint to http://localhost:8888 (and "pass access token" when a token is set).`,
    )
    .action(
      act(async (ctx, _args, raw) => {
        const options = parseArg(OptionsSchema, raw, 'options');
        const token = ctx.env['CAMPAIGN_CODEC_TOKEN']?.trim() || undefined;
        const codec = new AesGcmPayloadCodec(campaignKeyring(ctx.env));
        const server = await startCodecServer({ codec, port: options.port, origin: options.origin, token });
        process.stderr.write(
          `codec server on http://127.0.0.1:${options.port} for ${options.origin}${token ? ' (bearer token required)' : ' (no token: anyone on this machine can decode)'}; Ctrl-C stops it\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => server.close(() => resolve());
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      }),
    );
}
