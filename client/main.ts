import { buildProgram } from './program';
import { runCli } from './run-cli';

// The entry bin/campaign.js loads: everything else is importable without side effects.
void runCli(buildProgram(), process.argv);
