import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';

/**
 * Import first in a test that takes the SMTP server down on purpose: every refused attempt is a
 * worker warning, and a day of retries would bury the output. Every other warning still shows
 * (test/helpers/temporal.ts installs the same WARN level when no test file chose one).
 */
const expected = (entry: LogEntry) => {
  const error: unknown = entry.meta?.['error'];
  return (
    entry.message === 'Activity failed' && error instanceof ApplicationFailure && error.type === 'MailTransientFailure'
  );
};

try {
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry) => {
      if (!expected(entry)) console.error(`[${entry.level}] ${entry.message}`, entry.meta ?? '');
    }),
  });
} catch {
  // A Runtime was installed already: its logger stays.
}
