import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './project-root';

/**
 * Where campaign data lives when CAMPAIGN_DATA_DIR does not say: `.data/` in a clone, beside the
 * sources as the README shows; for an installed package (its root under node_modules, often owned
 * by root and replaced on upgrade) the user's data folder, `$XDG_DATA_HOME/campaign-orchestrator`
 * or `~/.local/share/campaign-orchestrator`.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, root: string = projectRoot): string {
  if (!isInstalledPackage(root)) return path.join(root, '.data');
  const xdg = env['XDG_DATA_HOME'];
  const base = xdg ? path.resolve(xdg) : path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'campaign-orchestrator');
}

export function isInstalledPackage(root: string = projectRoot): boolean {
  return path.resolve(root).split(path.sep).includes('node_modules');
}
