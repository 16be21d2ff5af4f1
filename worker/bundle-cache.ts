import { bundleWorkflowCode, type BundleOptions } from '@temporalio/worker';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../config/project-root';

/**
 * Workflow bundles kept on disk: bundling (webpack + swc) costs about 10 s of CPU, so a bundle built
 * once (by `npm run build`, by the test run's global setup, or by the first worker that needed it)
 * is reused by every later worker whose sources have not changed since.
 *
 * Beside each bundle, a manifest lists every file webpack read to build it and a hash of their
 * contents. A bundle is used only when those files hash the same today, so an edit to any workflow,
 * contract, rule or dependency makes it stale, and the worker bundles in-process as it always did.
 * Files under node_modules are named by package (`zod/...`) and looked up as Node would from the
 * project root, so a bundle built in a clone still matches once the package is installed elsewhere
 * with its dependencies hoisted.
 */

/** Where bundles live: dist/workflow-bundles/ (override with CAMPAIGN_BUNDLE_DIR). */
export function bundleDir(root: string = projectRoot): string {
  return process.env['CAMPAIGN_BUNDLE_DIR'] ?? path.join(root, 'dist', 'workflow-bundles');
}

const manifestSchema = z.object({
  options: z.string(),
  files: z.array(z.string()).max(20_000),
  hash: z.string(),
});
type Manifest = z.infer<typeof manifestSchema>;

export type CachedBundleOptions = Pick<BundleOptions, 'workflowsPath' | 'failureConverterPath' | 'preloadModules'>;

type WebpackConfiguration = Parameters<NonNullable<BundleOptions['webpackConfigHook']>>[0];

const NODE_MODULES = /^(?:.*[\\/])?node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](.*)$/;

/** Whether a file is the project's own (not a dependency's), even when the project is itself installed under node_modules. */
function isOwnFile(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative) && !NODE_MODULES.test(relative);
}

/** A file's name in a manifest: relative to the root, or `npm:<package>/<path>` for a dependency. */
function fileKey(root: string, file: string): string {
  if (isOwnFile(root, file)) return path.relative(root, file).split(path.sep).join('/');
  const match = NODE_MODULES.exec(file);
  if (match) return `npm:${match[1]!.split(path.sep).join('/')}/${match[2]!.split(path.sep).join('/')}`;
  return path.relative(root, file).split(path.sep).join('/');
}

function resolveKey(root: string, key: string): string | undefined {
  if (!key.startsWith('npm:')) return path.join(root, key);
  const rest = key.slice(4);
  for (let dir = root; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', rest);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The options that shape the bundle besides its files, with paths made relative to the root. */
function describeOptions(root: string, options: CachedBundleOptions): string {
  const rel = (p: string | undefined) => (p === undefined ? '' : fileKey(root, path.resolve(p)));
  return JSON.stringify({
    workflowsPath: rel(options.workflowsPath),
    failureConverterPath: rel(options.failureConverterPath),
    preloadModules: (options.preloadModules ?? []).map(rel),
  });
}

function hashFiles(root: string, optionsText: string, keys: readonly string[]): string | undefined {
  const hash = createHash('sha256').update(optionsText);
  for (const key of keys) {
    const file = resolveKey(root, key);
    if (file === undefined) return undefined;
    try {
      hash.update(`\0${key}\0`).update(fs.readFileSync(file));
    } catch {
      return undefined;
    }
  }
  return hash.digest('hex');
}

function bundlePaths(root: string, options: CachedBundleOptions): { code: string; manifest: string } {
  const id = createHash('sha256').update(describeOptions(root, options)).digest('hex').slice(0, 12);
  const name = path.basename(options.workflowsPath).replace(/\.[cm]?[jt]s$/, '');
  const base = path.join(bundleDir(root), `${name}-${id}`);
  return { code: `${base}.js`, manifest: `${base}.json` };
}

/** The path of a bundle built from today's sources, or undefined when there is none or it is stale. */
export function freshBundlePath(options: CachedBundleOptions, root: string = projectRoot): string | undefined {
  const paths = bundlePaths(root, options);
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(paths.manifest, 'utf8')));
  } catch {
    return undefined;
  }
  const optionsText = describeOptions(root, options);
  if (manifest.options !== optionsText) return undefined;
  if (hashFiles(root, optionsText, manifest.files) !== manifest.hash) return undefined;
  return fs.existsSync(paths.code) ? paths.code : undefined;
}

function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${randomUUID()}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

/**
 * The SDK's bundler compiles TypeScript except under node_modules, which is every file of an
 * installed package: its own sources are compiled wherever the package lives, dependencies never.
 */
function compileOwnTypeScript(config: WebpackConfiguration, root: string): void {
  for (const rule of config.module?.rules ?? []) {
    if (rule && typeof rule === 'object' && rule.test instanceof RegExp && rule.test.source === '\\.ts$') {
      rule.exclude = (file: string) => !isOwnFile(root, file);
    }
  }
}

/**
 * Bundles in-process and, unless `save` is false, writes the bundle and its manifest for the next
 * worker. A folder that cannot be written (an install owned by root) only costs that reuse.
 */
export async function bundleAndSave(
  options: CachedBundleOptions & Pick<BundleOptions, 'logger'>,
  { save = true, root = projectRoot }: { save?: boolean; root?: string } = {},
): Promise<{ code: string; path?: string }> {
  let read: string[] = [];
  const { code } = await bundleWorkflowCode({
    ...options,
    webpackConfigHook: (config) => {
      compileOwnTypeScript(config, root);
      config.plugins = [
        ...(config.plugins ?? []),
        {
          apply(compiler) {
            compiler.hooks.done.tap('campaign-bundle-manifest', (stats) => {
              read = [...stats.compilation.fileDependencies];
            });
          },
        },
      ];
      return config;
    },
  });
  // The generated entry point exists only in the bundler's memory (the options stand for it), and
  // webpack also lists the folders it looked in: only files on disk go into the manifest.
  const files = read.filter((file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true);
  const keys = [...new Set(files.map((file) => fileKey(root, file)))].sort();
  const optionsText = describeOptions(root, options);
  const hash = hashFiles(root, optionsText, keys);
  if (hash === undefined || !save) return { code };
  const paths = bundlePaths(root, options);
  try {
    fs.mkdirSync(path.dirname(paths.code), { recursive: true });
    writeAtomically(paths.code, code);
    writeAtomically(paths.manifest, JSON.stringify({ options: optionsText, files: keys, hash } satisfies Manifest));
    return { code, path: paths.code };
  } catch {
    return { code };
  }
}
