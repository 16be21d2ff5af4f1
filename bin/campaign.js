#!/usr/bin/env node
// The CLI is written in TypeScript. A clone needs no build step: the first start compiles it into
// dist/cli/ and later starts reuse that file while its sources are unchanged (bin/compiled-cli.js).
require('./compiled-cli.js').runCli();
