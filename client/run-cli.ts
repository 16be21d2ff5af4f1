import { CommanderError, type Command } from 'commander';
import type { GlobalOptions } from './context';
import { CliError, EXIT, toCliError, type ErrorContext } from './errors';
import { CliContext } from './context';
import { printErr, safeJson } from './output/safe-text';
import { style } from './output/style';

/**
 * Wraps a command's action: builds its context, turns whatever it throws into a CliError that
 * knows the address and campaign involved, and always closes the connection.
 */
export function act(
  fn: (ctx: CliContext, args: string[], options: Record<string, unknown>) => Promise<void>,
): (...params: unknown[]) => Promise<void> {
  return async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const ctx = CliContext.of(command);
    try {
      await fn(ctx, command.args, command.opts());
    } catch (error) {
      const context: ErrorContext = { campaignId: ctx.campaignId };
      try {
        context.address = ctx.temporalConfig().address;
      } catch {
        // Bad settings were the problem itself; the sentence already says so.
      }
      const converted = toCliError(error, context);
      if (converted !== error) converted.cause = error;
      throw converted;
    } finally {
      await ctx.close();
    }
  };
}

const USAGE_HINT = 'add --help to the command for its options and an example';
const QUIET_EXITS = new Set(['commander.helpDisplayed', 'commander.version']);

function report(error: CliError, options: GlobalOptions): void {
  if (options.json) {
    const hint = error.hint ?? (error.exitCode === EXIT.usage ? USAGE_HINT : undefined);
    const body = { error: { type: error.type, message: error.message, hint, exitCode: error.exitCode } };
    process.stdout.write(`${safeJson(body)}\n`);
  }
  printErr(`${style.red('error:')} ${error.message}\n`);
  const hint = error.hint ?? (error.exitCode === EXIT.usage ? USAGE_HINT : undefined);
  if (hint) printErr(`${style.dim('hint:')} ${hint}\n`);
  if (options.debug) {
    const cause = error.cause instanceof Error ? error.cause : error;
    printErr(`${cause.stack ?? String(cause)}\n`);
  }
}

/** Parses argv, runs the command, and prints ONE sentence plus a hint when it fails. */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (QUIET_EXITS.has(error.code)) return;
      if (error.code === 'commander.help') {
        process.exitCode = EXIT.usage;
        return;
      }
    }
    const cli =
      error instanceof CommanderError
        ? new CliError(
            error.message.replace(/^error: /, ''),
            EXIT.usage,
            'add --help to the command for its options and an example',
          )
        : toCliError(error);
    report(cli, program.opts<GlobalOptions>());
    process.exitCode = cli.exitCode;
  }
}
