/**
 * Writes the worker's workflow bundle to dist/workflow-bundles/ with its manifest
 * (worker/bundle-cache.ts), so a worker starts without spending seconds bundling, and an installed
 * package needs no bundler at all. Part of `npm run build` (run by `npm ci` / `npm install`).
 * Nothing is rebuilt when the bundle on disk still matches the sources.
 */
import { buildWorkflowBundles } from '../worker/prebuild-bundles';

buildWorkflowBundles().then(
  (paths) => console.log(`workflow bundle: ${paths.join(', ')}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
