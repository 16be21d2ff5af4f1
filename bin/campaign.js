#!/usr/bin/env node
// The CLI is written in TypeScript and run through tsx, so a fresh clone works after `npm ci`
// with no build step and no stale output to go out of date.
require('tsx/cjs');
require('../client/main.ts');
