import fs from 'node:fs';
import path from 'node:path';
import { cacheBinDir } from './cache-paths';
import { withFileLock } from './file-lock';
import { findOnPath, isExecutableFile } from './find-executable';
import { runWithProgress } from './run-with-progress';
import { canReachSdkDownloads, sdkDownload, type SdkDownload } from './sdk-download';

/**
 * Pinned because later tags carry a `replace` directive in go.mod, which `go install pkg@version`
 * refuses to build. v1.5.1 embeds Temporal Server 1.29 and UI 2.42.
 */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export type DevServerBinary =
  { kind: 'binary'; path: string; source: 'env' | 'path' | 'cache' | 'built' } | SdkDownload;

export interface FindDevServerBinaryOptions {
  env?: NodeJS.ProcessEnv;
  /** Build with Go when nothing is found; off for callers that must not spend minutes. */
  allowBuild?: boolean;
}

function findGo(env: NodeJS.ProcessEnv): string | undefined {
  const goroot = env['GOROOT'];
  const candidates = [
    findOnPath('go', env),
    goroot ? path.join(goroot, 'bin', 'go') : undefined,
    '/usr/local/go/bin/go',
  ];
  return candidates.find((candidate): candidate is string => candidate !== undefined && isExecutableFile(candidate));
}

async function buildWithGo(go: string, env: NodeJS.ProcessEnv): Promise<string> {
  const binDir = cacheBinDir(env);
  const target = path.join(binDir, 'temporal');
  fs.mkdirSync(binDir, { recursive: true });
  return withFileLock(
    path.join(binDir, 'temporal.build.lock'),
    () => process.stderr.write('[temporal-cli] another process is building the Temporal CLI; waiting for it\n'),
    async () => {
      if (isExecutableFile(target)) return target; // the process we waited for built it
      // Build into a scratch GOBIN and rename: an interrupted build must never leave a truncated
      // `temporal` that the next run would trust.
      const scratch = fs.mkdtempSync(path.join(binDir, '.build-'));
      process.stderr.write(
        `[temporal-cli] building ${TEMPORAL_CLI_MODULE} with ${go}; this takes several minutes once\n`,
      );
      const started = Date.now();
      try {
        await runWithProgress({
          command: go,
          args: ['install', TEMPORAL_CLI_MODULE],
          env: { ...env, GOBIN: scratch },
          logFile: path.join(binDir, 'temporal.build.log'),
          label: 'temporal-cli',
          countPattern: /^go: downloading /,
        });
        fs.renameSync(path.join(scratch, 'temporal'), target);
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
      process.stderr.write(`[temporal-cli] built ${target} in ${Math.round((Date.now() - started) / 1000)}s\n`);
      return target;
    },
  );
}

/**
 * Finds the `temporal` CLI that runs the dev server, in order: `$TEMPORAL_CLI_PATH`, `temporal` on
 * PATH, the per-user cache, a one-time Go build into the cache, then the SDK's own download.
 * The SDK download is last because it needs temporal.download, which CI sandboxes often block.
 */
export async function findDevServerBinary(options: FindDevServerBinaryOptions = {}): Promise<DevServerBinary> {
  const env = options.env ?? process.env;
  const explicit = env['TEMPORAL_CLI_PATH'];
  if (explicit) {
    if (!isExecutableFile(explicit)) {
      throw new Error(`TEMPORAL_CLI_PATH points at ${explicit}, which is not an executable file.`);
    }
    return { kind: 'binary', path: explicit, source: 'env' };
  }
  const onPath = findOnPath('temporal', env);
  if (onPath) return { kind: 'binary', path: onPath, source: 'path' };
  const cached = path.join(cacheBinDir(env), 'temporal');
  if (isExecutableFile(cached)) return { kind: 'binary', path: cached, source: 'cache' };

  const go = findGo(env);
  let buildError: unknown;
  if (go && options.allowBuild !== false) {
    try {
      return { kind: 'binary', path: await buildWithGo(go, env), source: 'built' };
    } catch (error) {
      buildError = error;
    }
  }
  if (await canReachSdkDownloads()) return sdkDownload;
  if (buildError instanceof Error) {
    throw new Error(`Building the Temporal CLI with Go failed (${buildError.message}).`, { cause: buildError });
  }
  throw new Error(
    'No Temporal CLI found and none can be built or downloaded: install Go (https://go.dev/dl) so it can be built once, or put the `temporal` binary on PATH (or set TEMPORAL_CLI_PATH).',
  );
}
