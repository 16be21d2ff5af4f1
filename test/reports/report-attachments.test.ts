import { describe, expect, it } from 'vitest';
import { compileCampaignReport, createFolderReportStore, withStoredAttachments } from '../../activities/reports';
import { CampaignReportInputSchema, type CampaignReportInputData } from '../../activities/reports/report-input';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const STORED = `sha256:${'a'.repeat(64)}`;

function input(
  locale: 'zh' | 'en',
  attachments: { name: string; ref: string; size: number }[],
): CampaignReportInputData {
  return {
    campaignId: 'petition-2026',
    campaignTitle: '查隐患、清积案、净环境',
    rehearsal: false,
    timeZone: 'Asia/Shanghai',
    locale,
    scope: 'phase',
    generatedAt: '2026-04-16T10:00:00Z',
    phases: [
      {
        phaseId: 'mobilise',
        phaseName: '宣传发动',
        rows: [
          {
            unitId: 'town-a',
            unitName: '城关镇',
            deliverableId: 'members',
            deliverableTitle: '工作小组成员名单',
            state: 'on-time',
            dueAt: '2026-04-15T10:00:00Z',
            submittedAt: '2026-04-14T02:00:00Z',
            attachments: attachments.map((a) => ({ ...a, mediaType: 'text/csv' })),
          },
        ],
      },
    ],
  };
}

describe('the attached files in a report', () => {
  it('are listed with unit, file, size and reference, and whether the store holds each', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-attachments-'));
    try {
      const store = createFolderReportStore({ dataDir });
      const ref = await store.put(Buffer.from('姓名\n张三\n'), { name: '名单.csv', mediaType: 'text/csv' });
      const missing = `sha256:${'b'.repeat(64)}`;
      const parsed = CampaignReportInputSchema.parse(
        input('zh', [
          { name: '名单.csv', ref, size: 14 },
          { name: '照片.csv', ref: missing, size: 9 },
        ]),
      );
      const { markdown } = compileCampaignReport(await withStoredAttachments(parsed, store));
      expect(markdown).toContain('## 上报附件\n\n共2个附件，可按引用下载。\n\n其中1个在存档中未找到。');
      expect(markdown).toContain(`| 宣传发动 | 城关镇 | 工作小组成员名单 | 名单.csv | 14 字节 | ${ref} | 已存档 |`);
      expect(markdown).toContain(
        `| 宣传发动 | 城关镇 | 工作小组成员名单 | 照片.csv | 9 字节 | ${missing} | 存档中未找到 |`,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('say nothing of the store when nobody looked, in English too', () => {
    const { markdown, html } = compileCampaignReport(input('en', [{ name: 'list.csv', ref: STORED, size: 3 }]));
    expect(markdown).toContain('## Attached files\n\n1 file(s), each fetched by its reference.\n');
    expect(markdown).toContain(`| 宣传发动 | 城关镇 | 工作小组成员名单 | list.csv | 3 bytes | ${STORED} | — |`);
    expect(html).toContain(STORED);
  });

  it('make no section when no unit attached anything', () => {
    const { markdown } = compileCampaignReport(input('zh', []));
    expect(markdown).not.toContain('上报附件');
  });
});
