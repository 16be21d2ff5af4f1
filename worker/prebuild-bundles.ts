import { DefaultLogger } from '@temporalio/worker';
import { WORKFLOWS_PATH } from './campaign-worker';
import { bundleAndSave, freshBundlePath } from './bundle-cache';
import { workflowBundleOptions } from './run-worker';

/**
 * Builds the workflow bundles of `paths` on disk (worker/bundle-cache.ts) unless they are already
 * fresh, and returns where they are. `npm run build` and the test run's setup call it.
 */
export async function buildWorkflowBundles(paths: readonly string[] = [WORKFLOWS_PATH]): Promise<string[]> {
  const written: string[] = [];
  for (const workflowsPath of paths) {
    const options = workflowBundleOptions(workflowsPath);
    const fresh = freshBundlePath(options);
    if (fresh !== undefined) {
      written.push(fresh);
      continue;
    }
    const built = await bundleAndSave({ ...options, logger: new DefaultLogger('WARN') });
    if (built.path === undefined) throw new Error(`could not write the workflow bundle of ${workflowsPath}`);
    written.push(built.path);
  }
  return written;
}
