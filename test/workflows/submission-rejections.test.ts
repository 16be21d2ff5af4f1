import { describe, expect, it } from 'vitest';
import { startCampaign } from '../../client/start-campaign';
import { expectRejection } from '../../client/update-rejection';
import {
  asOfNow,
  campaignStatusQuery,
  extendDeadlineUpdate,
  submitReportUpdate,
  unitStatusQuery,
  type SubmitReportInput,
  unitWorkflowId,
} from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { smallPlan } from '../support/plans';

// A slow clock: nothing comes due while the test knocks on the door.
const SCALE = 86_400_000 / 600_000;

describe('a unit workflow refusing submissions from a real client', () => {
  it('names the reason, records nothing, and still takes a valid report afterwards', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const id = uniqueId('reject');
      const plan = smallPlan(id, {});
      plan.phases[0]!.deliverables.push({
        id: 'late-closed',
        title: '已截止的报告',
        owedBy: 'all',
        kind: 'summary',
        due: '2026-04-10',
        acceptLateFor: '1d',
      });
      const campaign = await startCampaign(client, plan, { taskQueue, startedBy: 'office', rehearsalScale: SCALE });
      await eventually(
        () => campaign.query(campaignStatusQuery, asOfNow()),
        (s) => s.currentPhase?.id === 'mobilise',
      );
      const unit = client.workflow.getHandle(unitWorkflowId(id, 'town-a'));
      await eventually(
        () => unit.query(unitStatusQuery, asOfNow()),
        (s) => s.rows.length === 2,
      );
      const before = await unit.query(unitStatusQuery, asOfNow());
      const submit = (args: unknown) =>
        expectRejection(unit.executeUpdate(submitReportUpdate, { args: [args as SubmitReportInput] }));

      const cases: [string, unknown, string, RegExp][] = [
        [
          'an unknown deliverable',
          { deliverableId: 'nope', report: { text: 'x' }, by: 'u' },
          'unknown_deliverable',
          /nope/,
        ],
        [
          'one whose phase has not opened',
          { deliverableId: 'summary', report: { text: 'x' }, by: 'u' },
          'unknown_deliverable',
          /yet/,
        ],
        [
          'one closed to late reports',
          { deliverableId: 'late-closed', report: { text: 'x' }, by: 'u' },
          'deliverable_closed',
          /closed/,
        ],
        [
          'a report that fails its kind',
          { deliverableId: 'members', report: { members: [] }, by: 'u' },
          'invalid_report',
          /member/,
        ],
        ['a payload missing a field', { deliverableId: 'members', report: { text: 'x' } }, 'InvalidInput', /^by: /],
        [
          'a payload of the wrong shape',
          { deliverableId: 42, report: 'text', by: 'u' },
          'InvalidInput',
          /deliverableId/,
        ],
        [
          'an over-long report',
          { deliverableId: 'members', report: { text: 'x'.repeat(30_000) }, by: 'u' },
          'InvalidInput',
          /report\.text/,
        ],
      ];
      for (const [what, args, type, message] of cases) {
        const rejection = await submit(args);
        expect(rejection.type, what).toBe(type);
        expect(rejection.message, what).toMatch(message);
      }
      const pastDue = await expectRejection(
        unit.executeUpdate(extendDeadlineUpdate, {
          args: [{ deliverableId: 'members', newDue: '2026-04-01', reason: '换届', by: 'office' }],
        }),
      );
      expect(pastDue.type).toBe('not_later');

      const after = await unit.query(unitStatusQuery, asOfNow());
      expect(after.rows.map((r) => [r.key, r.state, r.dueMs])).toEqual(
        before.rows.map((r) => [r.key, r.state, r.dueMs]),
      );
      const accepted = await unit.executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: 'members', report: { members: [{ name: '张三' }] }, by: 'unit:town-a' }],
      });
      expect(accepted.onTime).toBe(true);
      const duplicate = await submit({ deliverableId: 'members', report: { members: [{ name: '李四' }] }, by: 'u' });
      expect(duplicate.type).toBe('duplicate_submission');
      expect((await unit.describe()).status.name).toBe('RUNNING');
    });
  });
});
