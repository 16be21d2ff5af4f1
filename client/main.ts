import { buildProgram } from './program';
import { runCli } from './run-cli';

// A reader that stops early (`campaign status … | head`) closes the pipe: the output is no longer
// wanted, which is no error of ours to report with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

// The entry bin/campaign.js loads: everything else is importable without side effects.
void runCli(buildProgram(), process.argv);
