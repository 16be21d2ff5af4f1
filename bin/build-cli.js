#!/usr/bin/env node
// `npm run build`: compiles the CLI into dist/cli/ unless the compiled file still matches its sources.
const { compileCli, freshCompiledCli } = require('./compiled-cli.js');

const fresh = freshCompiledCli();
console.log(`CLI: ${fresh ?? compileCli()}${fresh ? ' (up to date)' : ''}`);
