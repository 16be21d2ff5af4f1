import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../../activities/notify/atomic-file';
import { parseRef, sha256Hex } from '../../activities/reports/report-store';
import { parseArg } from '../args';
import { CliError, EXIT } from '../errors';
import { example } from '../output/help';
import { style } from '../output/style';
import { act } from '../run-cli';
import { withSharedStores } from '../shared-stores';

const RefSchema = z
  .string()
  .trim()
  .regex(/^sha256:[0-9a-f]{64}$/, 'a reference looks like sha256:<64 hex digits>, as the report mail lists it');

/** The stored name as a plain file name: no folders, no control characters; the digest when nothing is left. */
export function downloadName(stored: string, hex: string): string {
  const base = path.basename(stored.replace(/\\/g, '/'));
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? `${hex.slice(0, 16)}.bin` : clean;
}

/**
 * `campaign download`: a report or an attached file by the reference the report mail and the
 * report's file list give, from the store the workers share (PostgreSQL with DATABASE_URL, so
 * whichever host compiled or received it), checked against its digest before it is written.
 */
export function registerReportFileCommands(program: Command): void {
  program
    .command('download')
    .description('fetch a report or an attached file by its reference (sha256:…) from the shared report store')
    .argument('<ref>', 'the reference, as the report mail or the report lists it')
    .option('--out <dir>', 'the folder to write it into', '.')
    .addHelpText('after', example('campaign download sha256:3f2a…9c --out reports/'))
    .action(
      act(async (ctx, [rawRef = ''], raw) => {
        const ref = parseArg(RefSchema, rawRef, '<ref>');
        const out = parseArg(z.string().min(1), raw['out'], '--out');
        const hex = parseRef(ref);
        const found = await withSharedStores(ctx.env, async (stores) => {
          const meta = await stores.reports.stat(ref);
          return meta === undefined ? undefined : { meta, bytes: await stores.reports.get(ref) };
        });
        if (found === undefined) {
          throw new CliError(
            `no stored file with reference ${ref}`,
            EXIT.failed,
            'run it where the workers run, with the same CAMPAIGN_DATA_DIR, or the same DATABASE_URL on several hosts',
            'not_found',
          );
        }
        if (sha256Hex(found.bytes) !== hex) {
          throw new CliError(`the stored file ${ref} does not match its reference; it was not written`, EXIT.failed);
        }
        // Reports and attachments name people: the user's alone, like `campaign report --out`.
        await mkdir(out, { recursive: true, mode: PRIVATE_FOLDER });
        const file = path.resolve(out, downloadName(found.meta.name, hex));
        await writeFile(file, found.bytes, { mode: PRIVATE_FILE });
        await chmod(file, PRIVATE_FILE);
        const { name, mediaType, size } = found.meta;
        ctx.print(
          { ref, name, mediaType, size, file },
          () => `${style.green('wrote')} ${file} (${size} bytes, ${mediaType})`,
        );
      }),
    );
}
