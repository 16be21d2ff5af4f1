import fs from 'node:fs';
import path from 'node:path';

/**
 * The project's root folder (where its package.json is), found by walking up from this file: the
 * same answer whether the code runs from its TypeScript sources or compiled under dist/, from a
 * clone or from an installed package, and from any working directory.
 */
export function findProjectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const name = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
      if (name === 'campaign-orchestrator') return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`no campaign-orchestrator package.json above ${from}`);
  }
}

export const projectRoot: string = findProjectRoot();
