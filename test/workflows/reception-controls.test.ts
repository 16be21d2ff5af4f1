import path from 'node:path';
import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import type { NotificationLogEntry } from '../../activities/notify/notification-log';
import { compileCampaignReport } from '../../activities/reports';
import { gatherCampaignReportInput } from '../../activities/reports/publish-campaign-report';
import { credentialInterceptor } from '../../client/access/credential-interceptor';
import { issueCredentials, type IssuedCredential } from '../../client/access/issue-credentials';
import { readPlanFile } from '../../client/plan/read-plan-file';
import { expectRejection } from '../../client/update-rejection';
import { campaignWorkflowId } from '../../contracts';
import {
  pauseReceptionsUpdate,
  receptionProgrammeQuery,
  receptionWorkflowId,
  recordReceptionUpdate,
  resumeReceptionsUpdate,
} from '../../contracts/receptions';
import type { Plan } from '../../domain/plan/schema';
import { campaignClient } from '../../temporal-client/campaign-client';
import { uniqueId } from '../helpers/temporal';
import { eventually } from '../support/eventually';
import { beijing } from '../support/plans';
import { withPlanTime, type PlanTimeHarness } from '../support/time-skipping-harness';

async function examplePlan(file: string, programmeId: string, to?: string): Promise<Plan> {
  const result = await readPlanFile(path.join(__dirname, '../../examples', file));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  const receptions = result.plan.receptions!.filter((p) => p.id === programmeId).map((p) => (to ? { ...p, to } : p));
  return { ...result.plan, receptions, campaign: { ...result.plan.campaign, id: uniqueId('reception') } };
}

/** A client that presents the credentials of `holders`, as the CLI does with a credential file. */
function clientAs(base: Client, holders: IssuedCredential[]): Client {
  const client: Client = campaignClient({
    connection: base.connection,
    interceptors: [credentialInterceptor(() => client, { credentials: () => holders })],
  });
  return client;
}

const mailArrives = (h: PlanTimeHarness, what: string, accept: (log: NotificationLogEntry[]) => boolean) =>
  eventually(() => h.notifications(), accept, { what });

describe('001’s village Mondays with receptions only, under credentials', () => {
  it('lets each village head record its own day, holds a handed-over case, and pauses and resumes', async () => {
    const plan = await examplePlan('town-grand-reception.yaml', 'village-mondays', '2026-03-31');
    const id = plan.campaign.id;
    const { credentials, access } = issueCredentials(plan, id, 50);
    const holder = (principal: string) => credentials.filter((c) => c.principal === principal);
    await withPlanTime(
      plan,
      async (h) => {
        const handle = (c: Client) => c.workflow.getHandle(receptionWorkflowId(id, 'village-mondays'));
        const east = handle(clientAs(h.client, holder('unit:village-east')));
        const west = handle(clientAs(h.client, holder('unit:village-west')));
        const office = handle(clientAs(h.client, holder('office')));
        const leader = handle(clientAs(h.client, holder('leader:secretary-gao')));

        // 3/9: 东村's head records a visitor handed over to 东村 itself; 西村 may not record for 东村.
        await h.runUntil(beijing('2026-03-09', '10:00'));
        const eastDay = 'village-mondays:2026-03-09:village-east';
        const recorded = await east.executeUpdate(recordReceptionUpdate, {
          args: [
            {
              receptionId: eastDay,
              by: '张春生',
              visitors: [
                {
                  name: '刘某',
                  matter: '反映村道路灯损坏',
                  answer: '已登记，交村委会限期维修',
                  handOver: { unit: 'village-east', handler: '李梅', deadline: '2026-03-20', title: '村道路灯维修' },
                },
              ],
            },
          ],
        });
        expect(recorded.cases).toEqual([{ unitId: 'village-east', caseId: 'village-mondays-20260309-1', held: true }]);
        const foreign = await expectRejection(
          west.executeUpdate(recordReceptionUpdate, {
            args: [{ receptionId: eastDay, noVisitors: true, by: '王德福' }],
          }),
        );
        expect(foreign.type).toBe('not_on_duty');
        await west.executeUpdate(recordReceptionUpdate, {
          args: [{ receptionId: 'village-mondays:2026-03-09:village-west', noVisitors: true, by: '王德福' }],
        });
        const view = await office.query(receptionProgrammeQuery, { from: '2026-03-09', to: '2026-03-09' });
        expect(view.heldCases).toMatchObject([
          { id: 'village-mondays-20260309-1', source: 'reception-day', owningUnit: 'village-east', status: 'open' },
        ]);
        expect(view.receptions.find((r) => r.id === eastDay)?.visitors[0]?.caseId).toBe('village-mondays-20260309-1');
        const assigned = await mailArrives(h, 'the case_assigned mail', (log) =>
          log.some((e) => e.kind === 'case_assigned'),
        );
        expect(assigned.filter((e) => e.kind === 'case_assigned').map((e) => e.email)).toContain(
          'zhang.chunsheng@example.org',
        );

        // 3/12: a leader may not pause; the office does. The 3/16 Monday is suspended: no notice, no miss.
        await h.runUntil(beijing('2026-03-12', '10:00'));
        const byLeader = await expectRejection(leader.executeUpdate(pauseReceptionsUpdate, { args: [{ by: '高' }] }));
        expect(byLeader.type).toBe('not_authorized');
        await office.executeUpdate(pauseReceptionsUpdate, { args: [{ by: '镇信访办', reason: '防汛期间' }] });
        await h.runUntil(beijing('2026-03-17', '10:00'));
        const duringPause = await office.query(receptionProgrammeQuery, { from: '2026-03-16', to: '2026-03-16' });
        expect(duringPause.pauseReason).toBe('防汛期间');
        expect(duringPause.receptions.map((r) => r.status)).toEqual(['paused', 'paused']);
        await office.executeUpdate(resumeReceptionsUpdate, { args: [{ by: '镇信访办' }] });

        // 3/23 after the resume: nobody records, both villages' receptions are missed.
        await h.runUntil(beijing('2026-04-01', '10:00'));
        const log = await mailArrives(h, 'the March notice', (l) =>
          l.some((e) => e.kind === 'reception_summary' && e.subject.includes('2026-03-01至2026-03-31')),
        );
        const dutyDates = log.filter((e) => e.kind === 'reception_duty').map((e) => e.subject);
        expect(dutyDates.some((s) => s.includes('2026-03-16'))).toBe(false);
        expect(dutyDates.some((s) => s.includes('2026-03-23'))).toBe(true);
        const missed = new Set(log.filter((e) => e.kind === 'reception_missed').map((e) => e.subject));
        expect([...missed].every((s) => s.includes('2026-03-23') || s.includes('2026-03-30'))).toBe(true);
        expect(missed.size).toBe(4);
        const march = log.find((e) => e.kind === 'reception_summary' && e.subject.includes('2026-03-01至2026-03-31'));
        expect(march?.subject).toContain('应接访8次，已接访2次，缺岗4次');
        // The held case fell due on 3/20 and was not closed: its ladder climbed on the programme's timers.
        const overdue = log.filter((e) => e.kind === 'case_overdue');
        expect(overdue.map((e) => e.email)).toContain('zhang.chunsheng@example.org');
        expect(overdue.map((e) => e.email)).toContain('town-xinfang@example.org');
        const year = await office.query(receptionProgrammeQuery);
        expect(year.heldCases[0]?.overdueStepsSent).toBe(3);
        expect(year.summary).toMatchObject({ scheduled: 8, held: 2, missed: 4, suspended: 2, casesFiled: 1 });
      },
      { access },
    );
  }, 60_000);
});

describe('004’s reception days in the campaign report', () => {
  it('reads each programme’s weekly and monthly counts into the report', async () => {
    const plan = await examplePlan('reception-days.yaml', 'bureau-reception');
    await withPlanTime(plan, async (h) => {
      const programme = h.client.workflow.getHandle(receptionWorkflowId(plan.campaign.id, 'bureau-reception'));
      await h.runUntil(beijing('2026-01-04', '10:00'));
      await programme.executeUpdate(recordReceptionUpdate, { args: [{ noVisitors: true, by: 'office' }] });
      await h.runUntil(beijing('2026-02-02', '10:00'));
      const { data } = await gatherCampaignReportInput(
        h.client,
        {
          campaignWorkflowId: campaignWorkflowId(plan.campaign.id),
          scope: 'campaign',
          receptionProgrammes: ['bureau-reception'],
        },
        () => undefined,
        { realNowMs: await h.env.currentTimeMs() },
      );
      expect(data.receptions?.[0]?.months[0]).toMatchObject({
        from: '2026-01-01',
        to: '2026-01-31',
        scheduled: 2,
        held: 1,
        missed: 1,
      });
      const report = compileCampaignReport(data);
      expect(report.markdown).toContain('### 局领导信访接待日：每月通报');
      expect(report.markdown).toContain('| 2026-01-01至2026-01-31 | 2 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 |');
      expect(report.receptionsCsv).toContain('局领导信访接待日,每周汇总,2026-01-12至2026-01-18,1,0,1');
    });
  }, 60_000);
});
