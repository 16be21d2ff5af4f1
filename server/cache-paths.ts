import os from 'node:os';
import path from 'node:path';
import { defaultDataDir } from '../config/data-dir';
import { projectRoot } from '../config/project-root';

/**
 * Where provisioned tools live. The cache is per user, not per clone, so a second checkout (or a
 * git worktree) reuses the minutes-long Go build and the Maven download instead of repeating them.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['CAMPAIGN_CACHE_DIR'];
  if (explicit) return path.resolve(explicit);
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg) return path.join(path.resolve(xdg), 'campaign-orchestrator');
  return path.join(os.homedir(), '.cache', 'campaign-orchestrator');
}

export function cacheBinDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(cacheDir(env), 'bin');
}

export function testServerCacheDir(version: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(cacheDir(env), 'test-server', version);
}

/** The repository root, found from this file so commands work from any working directory. */
export const repoRoot: string = projectRoot;

/**
 * Project data (the dev server's SQLite file, test databases); gitignored, never shared between
 * clones. An installed package keeps it in the user's data folder (config/data-dir.ts).
 */
export function projectDataDir(): string {
  return defaultDataDir();
}

export function defaultDevServerDbFile(): string {
  return path.join(projectDataDir(), 'temporal.sqlite');
}
