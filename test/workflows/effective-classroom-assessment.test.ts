import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NotificationLogEntry } from '../../activities/notify/notification-log';
import { compileCampaignReport } from '../../activities/reports/compile-report';
import { gatherCampaignReportInput } from '../../activities/reports/publish-campaign-report';
import { campaignWorkflowId } from '../../contracts';
import {
  approveResultUpdate,
  assessmentStandingQuery,
  assessmentWorkflowId,
  closeScoringUpdate,
  submitScoresUpdate,
  unitLinesQuery,
  unitResultQuery,
} from '../../contracts/assessment';
import { parseMail } from '../notify/parse-mail';
import { eventually } from '../support/eventually';
import { examplePlan } from '../support/example-plan';
import { reportFor } from '../support/plan-runner';
import { beijing } from '../support/plans';
import { withPlanTime, type PlanTimeHarness } from '../support/time-skipping-harness';
import { submitWhenOwed } from '../support/unit-driver';

/**
 * Seed 000 篇1 from its plan file on the time-skipping server: April to October of a district's
 * 有效课堂 acceptance, with the monthly ranking notice (每月通报) the plan asks for, an examiner
 * reminded and escalated for scores not given, and the certificates published once approved.
 */

const classroomPlan = () => examplePlan('effective-classroom.yaml', 'effective-classroom');

/** The item means of test/cli/assessment-compute.test.ts, hand-calculated there: examiners give m − 1, m, m + 1. */
const MEANS: Record<string, [number, number, number]> = {
  't-fangxia-1': [95, 90, 92], // 9.5 + 18 + 64.4 = 91.9 → 示范课
  't-fangxia-2': [80, 85, 88], // 8 + 17 + 61.6 = 86.6 → 优质课
  't-fangxia-3': [70, 75, 74], // 7 + 15 + 51.8 = 73.8 → no certificate
  't-kouzhen-1': [90, 90, 89], // 9 + 18 + 62.3 = 89.3 → 优质课
  't-kouzhen-2': [85, 80, 80], // 8.5 + 16 + 56 = 80.5 → 达标, but vetoed below
  't-yangzhuang-1': [100, 95, 90], // 10 + 19 + 63 = 92.0 → 示范课
  't-yangzhuang-2': [60, 70, 80], // 6 + 14 + 56 = 76.0 → 达标
};

function sheetOf(examiner: 0 | 1 | 2) {
  return Object.entries(MEANS).flatMap(([unit, means]) =>
    (['reading', 'routine', 'teaching'] as const).map((item, i) => {
      const m = means[i] ?? 0;
      return { unit, item, score: String(m === 100 ? 100 : m + examiner - 1) };
    }),
  );
}

async function mails(h: PlanTimeHarness, kind: string, accept: (e: NotificationLogEntry[]) => boolean) {
  return eventually(async () => (await h.notifications()).filter((e) => e.kind === kind), accept, {
    what: `${kind} mail`,
    timeoutMs: 60_000,
  });
}

describe('000 篇1: the 有效课堂 acceptance from its plan file to the published certificates', () => {
  it('ranks the schools every month, chases a late examiner, and publishes what the leaders approved', async () => {
    const plan = await classroomPlan();
    const id = plan.campaign.id;
    await withPlanTime(plan, async (h) => {
      const assessment = h.client.workflow.getHandle(assessmentWorkflowId(id));
      const document = reportFor(plan, 'document');
      // 学校实施方案 due 4/20: 方下 and 羊庄 on time, 口镇 two days late.
      await submitWhenOwed(h.client, id, 'school-fangxia', 'school-plan', document);
      await submitWhenOwed(h.client, id, 'school-yangzhuang', 'school-plan', document);
      await h.runUntil(beijing('2026-04-22', '10:00'));
      await submitWhenOwed(h.client, id, 'school-kouzhen', 'school-plan', document);

      // 5/1 09:00: April's notice ranks the schools by on-time rate, to every school and the leaders.
      await h.runUntil(beijing('2026-05-01', '10:00'));
      const april = await mails(h, 'ranking_notice', (e) => e.length >= 7);
      expect(new Set(april.map((e) => e.email))).toEqual(
        new Set([
          'fangxia@example.org',
          'kouzhen@example.org',
          'yangzhuang@example.org',
          'director@example.org',
          'deputy-director@example.org',
          'research-head@example.org',
          'research-office@example.org',
        ]),
      );
      expect(april[0]?.subject).toContain('排名通报（2026-04-01至2026-04-30）：区级“有效课堂”达标验收');
      const notice = parseMail(readFileSync(april[0]!.file!, 'utf8')).text;
      expect(notice).toContain('第1名 方下中学：按时上报率 100.0%');
      expect(notice).toContain('第1名 羊庄中学：按时上报率 100.0%');
      expect(notice).toContain('第3名 口镇中学：按时上报率 0.0%');

      // October: two examiners score every teacher on 10/8; 彭老师 (examiner-3) gives nothing.
      await h.runUntil(beijing('2026-10-08', '10:00'));
      for (const examiner of [0, 1] as const) {
        const scores = sheetOf(examiner);
        const receipt = await assessment.executeUpdate(submitScoresUpdate, {
          args: [{ by: `examiner-${examiner + 1}`, scores }],
        });
        expect(receipt).toEqual({ recorded: 21, replacing: 0 });
      }
      // Reminded two days before and on the day (09:00), then the office told at 18:00 on 10/30.
      await h.runUntil(beijing('2026-10-30', '19:00'));
      const reminders = await mails(h, 'assessment_reminder', (e) => e.length >= 2);
      expect(reminders.map((e) => [e.email, e.at])).toEqual([
        ['examiner-3@example.org', '2026-10-28T01:00:00.000Z'],
        ['examiner-3@example.org', '2026-10-30T01:00:00.000Z'],
      ]);
      expect(reminders[0]?.subject).toContain('请于2026-10-30 18:00前完成评分（尚缺21项）');
      const overdue = await mails(h, 'assessment_overdue', (e) => e.length >= 2);
      expect(overdue.map((e) => e.email).sort()).toEqual(['examiner-3@example.org', 'research-office@example.org']);
      expect((await assessment.query(assessmentStandingQuery)).owing).toEqual([
        { assessor: 'examiner-3', missing: 21 },
      ]);

      // Scores are still taken until midnight; then the office closes with a leader's veto on record.
      await assessment.executeUpdate(submitScoresUpdate, { args: [{ by: 'examiner-3', scores: sheetOf(2) }] });
      const result = await assessment.executeUpdate(closeScoringUpdate, {
        args: [
          {
            by: 'office',
            facts: { vetoes: [{ entrant: 't-kouzhen-2', by: 'director', reason: '申报材料弄虚作假' }] },
          },
        ],
      });
      expect(result.ranking.map((r) => [r.entrant, r.total, r.award?.name])).toEqual([
        ['t-yangzhuang-1', '92.0', '示范课'],
        ['t-fangxia-1', '91.9', '示范课'],
        ['t-kouzhen-1', '89.3', '优质课'],
        ['t-fangxia-2', '86.6', '优质课'],
        ['t-kouzhen-2', '80.5', undefined],
        ['t-yangzhuang-2', '76.0', '达标'],
        ['t-fangxia-3', '73.8', undefined],
      ]);
      expect(result.vetoed).toEqual([
        { entrant: 't-kouzhen-2', name: '口镇中学 赵老师', reasons: [expect.stringContaining('申报材料弄虚作假')] },
      ]);

      // Nothing is shown to a teacher before the leaders approve; the research head may not approve.
      expect(await assessment.query(unitResultQuery, 't-fangxia-2')).toBeUndefined();
      await expect(
        assessment.executeUpdate(approveResultUpdate, { args: [{ by: 'research-head' }] }),
      ).rejects.toMatchObject({
        cause: { message: 'only 孙局长、钱副局长 may approve the result (审定), not research-head' },
      });
      await assessment.executeUpdate(approveResultUpdate, { args: [{ by: 'deputy-director' }] });
      const own = await assessment.query(unitResultQuery, 't-fangxia-2');
      expect(own?.items.map((i) => [i.name, i.score, i.contribution, i.assessors.map((a) => a.score)])).toEqual([
        ['读书学习', '80.0', '8.0', ['79', '80', '81']],
        ['常规资料', '85.0', '17.0', ['84', '85', '86']],
        ['课堂教学', '88.0', '61.6', ['87', '88', '89']],
      ]);
      // A school reads its own teachers' lines, and no other school's.
      const fangxia = await assessment.query(unitLinesQuery, 'school-fangxia');
      expect(fangxia?.map((l) => [l.entrant, l.total])).toEqual([
        ['t-fangxia-1', '91.9'],
        ['t-fangxia-2', '86.6'],
        ['t-fangxia-3', '73.8'],
      ]);
      const published = await mails(h, 'assessment_published', (e) => e.some((m) => m.email === 'kouzhen@example.org'));
      expect(published[0]?.subject).toContain('结果公布：区级“有效课堂”达标验收（经钱副局长审定）');

      // The campaign report carries the published result: the certificates, the veto and each breakdown.
      const { data } = await gatherCampaignReportInput(
        h.client,
        { campaignWorkflowId: campaignWorkflowId(id), scope: 'campaign' },
        () => undefined,
        { realNowMs: await h.env.currentTimeMs() },
      );
      const report = compileCampaignReport(data);
      expect(report.markdown).toContain('## 考核评比：区级“有效课堂”达标验收');
      expect(report.markdown).toContain('经 钱副局长 审定后公布');
      expect(report.markdown).toContain('示范课（2）：羊庄中学 吴老师、方下中学 刘老师');
      expect(report.markdown).toContain('口镇中学 赵老师：');
      expect(report.assessmentCsv).toContain('4,方下中学 陈老师,优质课,86.6,读书学习,80.0,韩老师,79');
    });
  });
});
