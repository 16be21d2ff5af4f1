import path from 'node:path';
import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { credentialInterceptor } from '../../client/access/credential-interceptor';
import { issueCredentials, type IssuedCredential } from '../../client/access/issue-credentials';
import { readPlanFile } from '../../client/plan/read-plan-file';
import { expectRejection } from '../../client/update-rejection';
import { auditLogQuery } from '../../contracts';
import {
  approveResultUpdate,
  assessmentStandingQuery,
  assessmentWorkflowId,
  submitScoresUpdate,
  type AssessmentWorkflow,
} from '../../contracts/assessment';
import { localToInstant } from '../../domain/calendar/local-time';
import { rehearsalClock } from '../../domain/clock/plan-clock';
import { campaignClient } from '../../temporal-client/campaign-client';
import { uniqueId, withWorker } from '../helpers/temporal';

const root = path.resolve(__dirname, '../..');

/** A client that presents the credentials of `holders`, as the CLI does with a credential file. */
function clientAs(base: Client, holders: IssuedCredential[]): Client {
  const client: Client = campaignClient({
    connection: base.connection,
    interceptors: [credentialInterceptor(() => client, { credentials: () => holders })],
  });
  return client;
}

const oneScore = (by: string) => ({ by, scores: [{ unit: 'class-1-1', item: 'singing', score: '3.5' }] });

describe('an assessment with credentials on the dev server', () => {
  it('takes a judge’s scores only under the judge’s own credential, and approval only from a leader', async () => {
    const read = await readPlanFile(path.join(root, 'examples/song-contest.yaml'));
    if (!read.ok) throw new Error('the example must be valid');
    const id = uniqueId('song-contest');
    const plan = { ...read.plan, campaign: { ...read.plan.campaign, id } };
    const { credentials, access } = issueCredentials(plan, id, 50);
    const holder = (principal: string) => credentials.filter((c) => c.principal === principal);
    // The panel's judges hold credentials of their own, beside the office, the leaders and the classes.
    expect(credentials.filter((c) => c.principal.startsWith('assessor:'))).toHaveLength(7);
    const clock = rehearsalClock(localToInstant('2026-05-31', '08:00', 'Asia/Shanghai'), Date.now(), 1);
    await withWorker({ workflowsPath: path.join(root, 'workflows/assessment-workflow.ts') }, async (ctx) => {
      await ctx.client.workflow.start<AssessmentWorkflow>('assessmentWorkflow', {
        workflowId: assessmentWorkflowId(id),
        taskQueue: ctx.taskQueue,
        args: [{ plan, clock, access: access.assessment }],
      });
      const as = (principal: string) =>
        clientAs(ctx.client, holder(principal)).workflow.getHandle(assessmentWorkflowId(id));

      const bare = await expectRejection(
        ctx.client.workflow.getHandle(assessmentWorkflowId(id)).executeUpdate(submitScoresUpdate, {
          args: [oneScore('judge-1')],
        }),
      );
      expect(bare.type).toBe('credential_missing');
      // 评委二 sending as 评委一: refused, nothing recorded.
      const impersonation = await expectRejection(
        as('assessor:judge-2').executeUpdate(submitScoresUpdate, { args: [oneScore('judge-1')] }),
      );
      expect(impersonation).toMatchObject({
        type: 'not_your_scores',
        message:
          "judge-2's credential cannot send judge-1's scores: each assessor sends their own; nothing was recorded",
      });
      // A class scoring itself.
      const byClass = await expectRejection(
        as('unit:class-1-1').executeUpdate(submitScoresUpdate, { args: [oneScore('judge-1')] }),
      );
      expect(byClass.type).toBe('not_authorized');

      // Under their own credential, the score counts as 评委二's, whatever name was typed.
      expect(await as('assessor:judge-2').executeUpdate(submitScoresUpdate, { args: [oneScore('评委二')] })).toEqual({
        recorded: 1,
        replacing: 0,
      });
      const standing = await as('office').query(assessmentStandingQuery);
      expect(standing.scoresRecorded).toBe(1);
      expect(standing.owing.find((o) => o.assessor === 'judge-2')).toEqual({ assessor: 'judge-2', missing: 119 });

      // A judge may not approve the result; the refused attempts are in the audit log.
      const approval = await expectRejection(
        as('assessor:judge-1').executeUpdate(approveResultUpdate, { args: [{ by: 'headmaster' }] }),
      );
      expect(approval.type).toBe('not_authorized');
      const audit = await as('office').query(auditLogQuery);
      expect(audit.entries.map((e) => [e.principal, e.action])).toEqual(
        expect.arrayContaining([
          ['unit:class-1-1', 'submitScores'],
          ['assessor:judge-1', 'approveResult'],
        ]),
      );
    });
  });
});
