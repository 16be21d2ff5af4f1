import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface RunWithProgressOptions {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Everything the command prints goes here, so a failure can be diagnosed after the fact. */
  logFile: string;
  /** Prefix of the progress lines on stderr, e.g. `temporal-cli`. */
  label: string;
  /** Lines matching this are counted and reported in the heartbeat instead of printed one by one. */
  countPattern?: RegExp;
}

const HEARTBEAT_MS = 15_000;

/**
 * Runs a long provisioning command (a Go build, a Maven resolve) with a heartbeat on stderr. The
 * heartbeat is what a CI log or an impatient user sees; the command's own chatter (hundreds of
 * `go: downloading` lines) goes to the log file. Resolves on exit code 0, rejects otherwise.
 */
export async function runWithProgress(options: RunWithProgressOptions): Promise<void> {
  const log = fs.createWriteStream(options.logFile, { flags: 'w' });
  const started = Date.now();
  let counted = 0;
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onData = (chunk: Buffer): void => {
    log.write(chunk);
    if (options.countPattern)
      counted += chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => options.countPattern?.test(line)).length;
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const heartbeat = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    const detail = options.countPattern ? `, ${counted} modules fetched` : '';
    process.stderr.write(`[${options.label}] still working (${seconds}s${detail}); log: ${options.logFile}\n`);
  }, HEARTBEAT_MS);
  try {
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (code === 0) resolve();
        else
          reject(
            new Error(`${options.command} exited with ${signal ?? `code ${String(code)}`}; see ${options.logFile}`),
          );
      });
    });
  } finally {
    clearInterval(heartbeat);
    await new Promise<void>((resolve) => log.end(resolve));
  }
}
