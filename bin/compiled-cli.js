'use strict';
/**
 * The CLI compiled into one CommonJS file (dist/cli/campaign.js), so a command starts without
 * compiling and resolving two hundred TypeScript modules one by one through tsx: that cost every
 * call about half a second. Dependencies stay external (loaded from node_modules as they are).
 *
 * Beside the file, a manifest lists the sources esbuild read and a hash of their contents. The file
 * is used only while those sources hash the same, so an edited source is never run stale: the next
 * start compiles again (a fraction of a second) and, where dist/ cannot be written (a read-only
 * install), runs the sources through tsx as before. `npm run build` (the Dockerfile runs it)
 * compiles it ahead of time; the test run's global setup does too.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const ENTRY = path.join(ROOT, 'client', 'main.ts');
const OUT_DIR = path.join(ROOT, 'dist', 'cli');
const CODE = path.join(OUT_DIR, 'campaign.js');
const MANIFEST = path.join(OUT_DIR, 'campaign.json');

/** Sources are named relative to the project root, so a moved clone keeps its compiled CLI. */
function hashSources(files) {
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(`\0${file}\0`).update(fs.readFileSync(path.join(ROOT, file)));
  return hash.digest('hex');
}

/** The compiled file, when it exists and every source it was built from is unchanged. */
function freshCompiledCli() {
  try {
    const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
    if (!Array.isArray(manifest.files) || typeof manifest.hash !== 'string') return undefined;
    if (hashSources(manifest.files) !== manifest.hash) return undefined;
    return fs.existsSync(CODE) ? CODE : undefined;
  } catch {
    return undefined;
  }
}

function writeAtomically(file, contents) {
  const temp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
  fs.writeFileSync(temp, contents);
  fs.renameSync(temp, file);
}

/** Compiles the CLI and writes it with its manifest; returns its path. Throws when it cannot. */
function compileCli() {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    outfile: CODE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    // Temporal names a workflow type after its function: bundling must not rename any function.
    keepNames: true,
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const files = [
    'tsconfig.json',
    ...Object.keys(result.metafile.inputs).filter((file) => !file.split(/[\\/]/).includes('node_modules')),
  ].sort();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const output of result.outputFiles) writeAtomically(output.path, output.contents);
  writeAtomically(MANIFEST, `${JSON.stringify({ hash: hashSources(files), files }, null, 1)}\n`);
  return CODE;
}

/** Runs the CLI: compiled when it can be, from the TypeScript sources otherwise. */
function runCli() {
  // Stack traces (--debug) then name the TypeScript source lines, not the compiled file's.
  if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
  let compiled;
  if (process.env.CAMPAIGN_CLI_FROM_SOURCES !== '1') {
    try {
      compiled = freshCompiledCli() ?? compileCli();
    } catch {
      compiled = undefined;
    }
  }
  if (compiled !== undefined) {
    require(compiled);
    return;
  }
  require('tsx/cjs');
  require(ENTRY);
}

module.exports = { compileCli, freshCompiledCli, runCli };
