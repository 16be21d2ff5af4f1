#!/usr/bin/env node
// Runs a TypeScript entry point (scripts, benchmarks) through tsx: `node bin/run-ts.js FILE [ARGS]`.
const path = require('node:path');
require('tsx/cjs');
const [, , entry, ...rest] = process.argv;
if (!entry) {
  console.error('usage: node bin/run-ts.js FILE [ARGS]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...rest];
require(path.resolve(entry));
