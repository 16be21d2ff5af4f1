// Error messages and stack traces can quote what a person typed (a case title, a recipient's
// address), so they travel as an encoded payload that the codec encrypts, not as clear text in
// history. The SDK loads this module by path in two places: Node's own `require` in clients and
// workers, and the webpack bundle of the workflow sandbox. Plain CommonJS works in both without a
// TypeScript loader (the test runner's processes have none for `require`).
/* global require, exports */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DefaultFailureConverter } = require('@temporalio/common');

exports.failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
