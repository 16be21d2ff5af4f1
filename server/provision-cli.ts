// Entry point for `.ci/run` and `node bin/run-ts.js server/provision-cli.ts`: provisions both
// servers' binaries and exits non-zero, with one sentence, when that is impossible.
import { provisionAll } from './provision';

provisionAll().then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
