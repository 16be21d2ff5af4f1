import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFolderReportStore } from '../../activities/reports/report-store';
import {
  asOfNow,
  campaignStatusQuery,
  submitReportUpdate,
  timelineQuery,
  unitStatusQuery,
  unitWorkflowId,
} from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { parseMail } from '../notify/parse-mail';
import { eventually } from '../support/eventually';
import { phaseReportDone } from '../support/phase-reports';
import { beijing, smallPlan } from '../support/plans';
import { withPlanTime, type PlanTimeHarness } from '../support/time-skipping-harness';

// The member list is due two days after its phase ends: the phase report is compiled while both
// towns still owe it.
const plan = smallPlan(uniqueId('report-revision'), {
  phases: [
    {
      id: 'mobilise',
      name: '宣传发动',
      window: { start: '2026-04-12', end: '2026-04-15' },
      deliverables: [{ id: 'members', title: '工作小组成员名单', kind: 'member-list', due: '2026-04-17' }],
    },
    {
      id: 'accept',
      name: '总结验收',
      window: { start: '2026-04-18', end: '2026-04-19' },
      gate: 'approval',
      deliverables: [{ id: 'summary', title: '书面总结', kind: 'summary', due: '2026-04-19' }],
    },
  ],
});

/** The Markdown of the phase report a report_ready mail points to, once that mail is written. */
async function reportMarkdown(h: PlanTimeHarness, subject: string): Promise<string> {
  const [entry] = await eventually(
    () => h.notifications(),
    (log) => log.some((e) => e.kind === 'report_ready' && e.subject.includes(subject) && e.file !== undefined),
    { what: `the mail "${subject}"` },
  ).then((log) => log.filter((e) => e.kind === 'report_ready' && e.subject.includes(subject)));
  const mail = parseMail(fs.readFileSync(entry!.file!, 'utf8'));
  const store = createFolderReportStore({ dataDir: h.dataDir });
  for (const [ref] of mail.text.matchAll(/sha256:[0-9a-f]{64}/g)) {
    const meta = await store.stat(ref);
    if (meta?.mediaType === 'text/markdown') return (await store.get(ref)).toString('utf8');
  }
  throw new Error(`no Markdown report in "${mail.subject}"`);
}

describe('a phase report when a report due after the phase arrives', () => {
  it('is reissued as revision 2, which says it replaces revision 1 and is current', async () => {
    await withPlanTime(plan, async (h) => {
      const campaignId = h.handle.workflowId;
      await h.runUntil(beijing('2026-04-16', '02:00'));
      await phaseReportDone(h.client, campaignId, 'mobilise');
      const first = await reportMarkdown(h, '宣传发动阶段工作报告已生成');
      expect(first).toContain('版本：第1版。');
      expect(first).toMatch(/### 待上报\n\n\| 单位 \| 材料 \| 截止时间 \|\n[^#]*甲镇[^#]*乙镇/);

      // 甲镇 sends its list the morning after the phase closed, a day before it is due.
      const townA = h.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, 'town-a'));
      await townA.executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: 'members', report: { members: [{ name: '张三' }] }, by: 'unit:town-a' }],
      });
      await eventually(
        () => townA.query(unitStatusQuery, asOfNow()),
        (s) => s.rows.some((row) => row.state === 'on-time'),
        { what: '甲镇 on time' },
      );
      await phaseReportDone(h.client, campaignId, 'mobilise', 2);
      const second = await reportMarkdown(h, '宣传发动阶段工作报告已更新（第2版）');
      expect(second).toContain('版本：第2版（现行版本）。本阶段报告生成后又收到上报材料，本版取代第1版及以前各版。');
      expect(second).toMatch(/### 按时上报\n\n[^#]*甲镇/);
      expect(second).toMatch(/### 待上报\n\n[^#]*乙镇/);
      expect(second).not.toMatch(/### 待上报\n\n[^#]*甲镇/);

      const status = await h.handle.query(campaignStatusQuery, asOfNow());
      expect(status.phases[0]!.report).toMatchObject({ revision: 2, basis: { onTime: 1, late: 0 } });
      const timeline = await h.handle.query(timelineQuery);
      expect(timeline.map((e) => e.what)).toContain(
        'phase 宣传发动 report reissued as revision 2 (reports arrived after revision 1 was compiled); revision 2 is current',
      );
    });
  }, 120_000);
});
