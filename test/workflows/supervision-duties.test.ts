import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFolderReportStore } from '../../activities/reports/report-store';
import {
  asOfNow,
  campaignStatusQuery,
  cancelCampaignUpdate,
  casesQuery,
  recordFindingsUpdate,
  unitWorkflowId,
} from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { parseMail } from '../notify/parse-mail';
import { eventually } from '../support/eventually';
import { beijing, smallPlan } from '../support/plans';
import { withPlanTime } from '../support/time-skipping-harness';

// The deputy leads a supervision team (督导组) that checks 甲镇 in the first phase, in which units file cases.
const base = smallPlan(uniqueId('duties'));
const plan = {
  ...base,
  supervisionTeams: [{ id: 'team-1', name: '第一督导组', members: ['deputy'] }],
  phases: [
    {
      ...base.phases[0]!,
      casesFiling: true,
      duties: [
        {
          id: 'set-up-check',
          title: '工作小组组建情况督查',
          kind: 'supervision' as const,
          by: { team: 'team-1' },
          units: ['town-a'],
          due: '2026-04-14',
        },
      ],
    },
    base.phases[1]!,
  ],
};

const hazard = {
  title: '排查台帐漏登重复访',
  category: 'repeated-petition',
  owningLeader: { name: '甲镇副镇长' },
  handler: '张干事',
  deadline: '2026-04-30',
};

describe('a supervision team’s duty', () => {
  it('records its findings, files the one with a case in the unit’s ledger, and reports both', async () => {
    await withPlanTime(plan, async (h) => {
      await h.runUntil(beijing('2026-04-13', '10:00'));
      // The head is not on the team: refused, nothing recorded.
      await expect(
        h.handle.executeUpdate(recordFindingsUpdate, {
          args: [
            {
              phaseId: 'mobilise',
              dutyId: 'set-up-check',
              by: 'leader:head',
              findings: [{ unitId: 'town-a', text: 'x' }],
            },
          ],
        }),
      ).rejects.toMatchObject({
        cause: { type: 'not_on_duty', message: 'leader:head不承担“工作小组组建情况督查”，无权记录' },
      });

      const result = await h.handle.executeUpdate(recordFindingsUpdate, {
        args: [
          {
            phaseId: 'mobilise',
            dutyId: 'set-up-check',
            by: 'leader:deputy',
            findings: [
              { unitId: 'town-a', text: '工作小组名单未公示' },
              { unitId: 'town-a', text: '台帐漏登一件重复访', case: hazard },
            ],
            done: true,
          },
        ],
      });
      expect(result.cases).toHaveLength(1);
      const caseId = result.cases[0]!.caseId;
      expect(caseId, result.cases[0]!.error).toBeDefined();

      const townA = h.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, 'town-a'));
      const [filed] = await townA.query(casesQuery, { caseId });
      expect(filed).toMatchObject({ id: caseId, source: 'supervision', owningUnit: 'town-a', title: hazard.title });

      const status = await h.handle.query(campaignStatusQuery, asOfNow());
      expect(status.duties).toMatchObject([
        {
          dutyId: 'set-up-check',
          by: '第一督导组',
          state: 'done',
          findings: [{ text: '工作小组名单未公示' }, { caseId }],
        },
      ]);

      await h.handle.executeUpdate(cancelCampaignUpdate, { args: [{ reason: '演练结束', by: 'office' }] });
      await h.handle.result();
      const [mail] = await eventually(
        () => h.notifications(),
        (log) =>
          log.some((e) => e.kind === 'report_ready' && e.subject.includes('活动总结报告') && e.file !== undefined),
        { what: 'the final report mail' },
      ).then((log) => log.filter((e) => e.kind === 'report_ready' && e.subject.includes('活动总结报告')));
      const text = parseMail(fs.readFileSync(mail!.file!, 'utf8')).text;
      const store = createFolderReportStore({ dataDir: h.dataDir });
      let markdown = '';
      for (const [ref] of text.matchAll(/sha256:[0-9a-f]{64}/g)) {
        if ((await store.stat(ref))?.mediaType === 'text/markdown') markdown = (await store.get(ref)).toString('utf8');
      }
      expect(markdown).toContain('## 督查检查');
      expect(markdown).toMatch(
        /\| 宣传发动 \| 工作小组组建情况督查 \| 督查 \| 第一督导组 \| 2026-04-14 18:00 \| 已办结 \| 2026-04-13 10:00 \| 2 \|/,
      );
      expect(markdown).toContain(`| 工作小组组建情况督查 | 甲镇 | 台帐漏登一件重复访 | ${caseId} |`);
    });
  }, 120_000);

  it('is reminded to its team the day before it is due, and reported overdue a day after', async () => {
    const quiet = { ...plan, campaign: { ...plan.campaign, id: uniqueId('duty-alerts') } };
    await withPlanTime(quiet, async (h) => {
      await h.runUntil(beijing('2026-04-15', '19:00'));
      const mails = await eventually(
        () => h.notifications(),
        (log) => log.filter((e) => e.kind === 'duty_due').length >= 4,
        { what: 'the duty reminders and overdue notices' },
      );
      const duty = mails.filter((e) => e.kind === 'duty_due');
      // Plan minutes: the timer fires a few milliseconds after its moment.
      expect(duty.map((e) => [e.at.slice(0, 16), e.email, e.subject])).toEqual([
        [
          '2026-04-13T10:00',
          'deputy@example.org',
          expect.stringContaining('督查任务将于2026-04-14 18:00到期：工作小组组建情况督查'),
        ],
        ['2026-04-13T10:00', 'office@example.org', expect.stringContaining('督查任务将于')],
        ['2026-04-15T10:00', 'deputy@example.org', expect.stringContaining('督查任务逾期未办结：工作小组组建情况督查')],
        ['2026-04-15T10:00', 'office@example.org', expect.stringContaining('督查任务逾期未办结')],
      ]);
    });
  }, 120_000);
});
