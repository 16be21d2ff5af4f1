import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCampaignReport, createFolderReportStore, createReportActivities } from '../../activities/reports';
import type { CampaignReportInputData } from '../../activities/reports';

const HOUR = 3_600_000;

const snapshot: CampaignReportInputData = {
  campaignId: 'petition-2026',
  campaignTitle: '查隐患、清积案、净环境',
  rehearsal: false,
  timeZone: 'Asia/Shanghai',
  generatedAt: '2026-07-31T10:00:00Z',
  phases: [
    {
      phaseId: 'mobilize',
      phaseName: '宣传发动',
      rows: [
        {
          unitId: 'town-a',
          unitName: '城关镇',
          deliverableId: 'members',
          deliverableTitle: '工作小组成员名单',
          state: 'on-time',
          dueAt: '2026-04-14T10:00:00Z',
          submittedAt: '2026-04-13T02:30:00Z',
        },
        {
          unitId: 'town-b',
          unitName: '河口镇',
          deliverableId: 'members',
          deliverableTitle: '工作小组成员名单',
          state: 'late',
          dueAt: '2026-04-14T10:00:00Z',
          submittedAt: '2026-04-16T13:00:00Z',
          lateByMs: 51 * HOUR,
          returns: 1,
        },
        {
          unitId: 'edu',
          unitName: '县教育局 <"A&B">',
          deliverableId: 'members',
          deliverableTitle: '工作小组成员名单',
          state: 'missing',
          dueAt: '2026-04-14T10:00:00Z',
          lateByMs: 5 * 24 * HOUR,
        },
      ],
    },
  ],
  escalations: [
    {
      at: '2026-04-16T01:00:00Z',
      unitName: '县教育局 <"A&B">',
      phaseName: '宣传发动',
      deliverableTitle: '工作小组成员名单',
      step: 2,
      stepLabel: '县委督查室督办',
      publicNotice: true,
      accountability: true,
    },
  ],
  accountabilityMarks: [
    {
      unitId: 'edu',
      unitName: '县教育局 <"A&B">',
      deliverableTitle: '工作小组成员名单',
      step: 2,
      stepLabel: '责任追究',
      at: '2026-04-16T01:00:00Z',
    },
    { unitId: 'edu', unitName: '县教育局 <"A&B">', deliverableTitle: '书面总结', step: 4, at: '2026-04-20T01:00:00Z' },
  ],
  decisions: [
    {
      phaseName: '宣传发动',
      kind: 'returned',
      by: '王组长',
      at: '2026-04-15T02:00:00Z',
      text: '名单缺少联系人电话',
      units: ['河口镇'],
      deliverables: ['工作小组成员名单'],
      newDueAt: '2026-04-16T10:00:00Z',
    },
    { phaseName: '宣传发动', kind: 'approved', by: '王组长', at: '2026-04-17T02:00:00Z', text: '同意' },
  ],
  ledger: {
    total: 40,
    closed: 38,
    open: 2,
    overdue: 1,
    byCategory: [{ category: '涉法涉诉', total: 10, closed: 9 }],
  },
};

describe('the campaign report', () => {
  it('tables on-time, late and missing units in Markdown', () => {
    const { markdown } = compileCampaignReport(snapshot);
    expect(markdown).toContain('# 查隐患、清积案、净环境 工作报告');
    expect(markdown).toContain('| 宣传发动 | 1 | 1 | 1 | 0 |');
    expect(markdown).toContain('| 城关镇 | 工作小组成员名单 | 2026-04-13 10:30 |');
    expect(markdown).toContain('| 河口镇 | 工作小组成员名单（退回1次后重报） | 2026-04-16 21:00 | 逾期2天3小时 |');
    expect(markdown).toContain('| 县教育局 <"A&B"> | 工作小组成员名单 | 2026-04-14 18:00 | 逾期5天 |');
    expect(markdown).toContain(
      '| 2026-04-16 09:00 | 县教育局 <"A&B"> | 宣传发动 | 工作小组成员名单 | 县委督查室督办 | 是 | 是 |',
    );
    expect(markdown).toContain('| 涉法涉诉 | 10 | 9 | 90.0% |');
    expect(markdown).toContain('| 合计 | 40 | 38 | 95.0% |');
  });

  it('commends units that were always on time and lists those held to account', () => {
    const { markdown } = compileCampaignReport(snapshot);
    const commended = markdown.slice(markdown.indexOf('## 拟表彰单位'), markdown.indexOf('## 责任追究'));
    expect(commended).toContain('- 城关镇');
    expect(commended).not.toContain('河口镇');
    expect(markdown.slice(markdown.indexOf('## 责任追究'))).toContain(
      '- 县教育局 <"A&B">: 工作小组成员名单：责任追究; 书面总结：第4级督办',
    );
  });

  it('writes readable HTML tables with every value escaped', () => {
    const { html } = compileCampaignReport(snapshot);
    expect(html).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(html).toContain('<h3>逾期上报</h3>');
    expect(html).toContain(
      '<tr><td>河口镇</td><td>工作小组成员名单（退回1次后重报）</td><td>2026-04-16 21:00</td><td>逾期2天3小时</td></tr>',
    );
    expect(html).toContain('县教育局 &lt;&quot;A&amp;B&quot;&gt;');
    expect(html).not.toContain('<"A&B">');
  });

  it('writes one CSV row per unit and deliverable, quoted where needed', () => {
    const { csv } = compileCampaignReport(snapshot);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual([
      '阶段,单位编号,单位,材料,状态,截止时间,上报时间,逾期小时',
      '宣传发动,town-a,城关镇,工作小组成员名单,按时上报,2026-04-14 18:00,2026-04-13 10:30,',
      '宣传发动,town-b,河口镇,工作小组成员名单,逾期上报,2026-04-14 18:00,2026-04-16 21:00,51.0',
      '宣传发动,edu,"县教育局 <""A&B"">",工作小组成员名单,未上报,2026-04-14 18:00,,120.0',
    ]);
  });

  it('says so when it comes from a rehearsal, and can be written in English', () => {
    const { markdown } = compileCampaignReport({ ...snapshot, rehearsal: true, locale: 'en' });
    expect(markdown).toContain('# [REHEARSAL] 查隐患、清积案、净环境 report');
    expect(markdown).toContain(
      '| 河口镇 | 工作小组成员名单 (resubmitted after 1 return(s)) | 2026-04-16 21:00 | 2 days 3 hours late |',
    );
    expect(markdown).toContain('## Commended (every report on time)');
  });

  it('lists approvals and returns with who, when and what they said', () => {
    const { markdown } = compileCampaignReport(snapshot);
    expect(markdown).toContain('## 审批与退回');
    expect(markdown).toContain(
      '| 2026-04-15 10:00 | 宣传发动 | 退回 | 王组长 | 名单缺少联系人电话 | 河口镇 | 工作小组成员名单 | 2026-04-16 18:00 |',
    );
    expect(markdown).toContain('| 2026-04-17 10:00 | 宣传发动 | 通过 | 王组长 | 同意 | — | — | — |');
  });

  it('says which revision a phase report is, and that a reissue replaces the earlier ones', () => {
    const phase = { ...snapshot, scope: 'phase' as const, phases: snapshot.phases.slice(0, 1) };
    expect(compileCampaignReport(phase).markdown).toContain('版本：第1版。');
    const third = compileCampaignReport({ ...phase, revision: 3 });
    expect(third.markdown).toContain(
      '版本：第3版（现行版本）。本阶段报告生成后又收到上报材料，本版取代第2版及以前各版。',
    );
    expect(compileCampaignReport({ ...phase, revision: 2, locale: 'en' }).markdown).toContain(
      'Revision 2 (current). Reports arrived after this phase',
    );
    // The campaign's final report has no revisions.
    expect(compileCampaignReport(snapshot).markdown).not.toContain('版本');
  });

  it('says "none" instead of an empty table', () => {
    const { markdown } = compileCampaignReport({ ...snapshot, escalations: [], accountabilityMarks: [] });
    expect(markdown).toContain('## 督办记录\n\n无。');
    expect(markdown).toContain('## 责任追究\n\n无。');
  });
});

describe('publishing a report', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'publish-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores the Markdown, HTML and CSV files and returns only their references', async () => {
    const store = createFolderReportStore({ dataDir });
    const { publishReport } = createReportActivities({ store });
    const { files } = await publishReport(snapshot);
    expect(files.map((file) => [file.name, file.mediaType])).toEqual([
      ['petition-2026-campaign-report.md', 'text/markdown'],
      ['petition-2026-campaign-report.html', 'text/html'],
      ['petition-2026-campaign-report.csv', 'text/csv'],
    ]);
    const compiled = compileCampaignReport(snapshot);
    expect((await store.get(files[1]?.ref ?? '')).toString('utf8')).toBe(compiled.html);
    expect((await publishReport(snapshot)).files).toEqual(files);
  });

  it('names the files of a reissued phase report by their revision', async () => {
    const { publishReport } = createReportActivities({ store: createFolderReportStore({ dataDir }) });
    const phase = { ...snapshot, scope: 'phase' as const, phases: snapshot.phases.slice(0, 1), revision: 2 };
    const { files } = await publishReport(phase);
    expect(files.map((file) => file.name)).toEqual([
      'petition-2026-mobilize-report-r2.md',
      'petition-2026-mobilize-report-r2.html',
      'petition-2026-mobilize-report-r2.csv',
    ]);
  });

  it('rejects a malformed snapshot with a non-retryable failure', async () => {
    const { publishReport } = createReportActivities({ store: createFolderReportStore({ dataDir }) });
    const bad = { ...snapshot, phases: [{ phaseId: 'x', phaseName: 'x', rows: [{ state: 'lost' }] }] };
    await expect(publishReport(bad as unknown as CampaignReportInputData)).rejects.toMatchObject({
      type: 'InvalidReportInput',
      nonRetryable: true,
    });
  });
});
