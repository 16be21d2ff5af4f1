import { describe, expect, it } from 'vitest';
import { toCliError } from '../../client/errors';

/**
 * The wording of errors whose real form a test cannot summon on demand (or only after half a minute).
 * The messages below are the server's, wrapped as the client wraps query errors.
 */
describe('error wording', () => {
  it('says a workflow whose task keeps failing did not answer, and points to the repair', () => {
    // As a status query met it in CI on 2026-11-30.
    const server = new Error('9 FAILED_PRECONDITION: Unable to query workflow due to Workflow Task in failed state.');
    const error = new Error('Failed to query Workflow', { cause: server });
    const cli = toCliError(error, { campaignId: 'county-2026' });
    expect(cli.type).toBe('no_answer');
    expect(cli.message).toBe(
      'the workflow did not answer: its workflow task keeps failing ("Workflow Task in failed state")',
    );
    expect(cli.hint).toContain('campaign repair county-2026');
  });

  it('says no worker polls the queue when the server has seen none lately, and points to the glance', () => {
    // As a status query met it on 2026-11-30, after the campaign's only worker was stopped.
    const server = new Error('9 FAILED_PRECONDITION: no poller seen for task queue recently, worker may be down');
    const error = new Error('Failed to query Workflow', { cause: server });
    const cli = toCliError(error, { campaignId: 'county-2026' });
    expect(cli.type).toBe('no_answer');
    expect(cli.message).toBe(
      'the workflow did not answer: no worker polls its task queue ("no poller seen for task queue recently")',
    );
    expect(cli.hint).toContain('campaign glance county-2026');
  });
});
