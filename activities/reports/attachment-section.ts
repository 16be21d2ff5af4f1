import type { Section } from './report-render';
import type { CampaignReportInput, ReportAttachment } from './report-input';

type Pick2 = (zh: string, en: string) => string;

function storedLabel(file: ReportAttachment, t: Pick2): string {
  if (file.stored === undefined) return '—';
  return file.stored ? t('已存档', 'stored') : t('存档中未找到', 'not in the store');
}

/**
 * Every file the units attached, with the reference it can be fetched by and whether the host
 * that compiled the report found it in the shared report store: a file another host cannot read
 * shows here as missing instead of going unnoticed.
 */
export function attachmentSection(input: CampaignReportInput, t: Pick2): Section[] {
  const rows = input.phases.flatMap((phase) =>
    phase.rows.flatMap((row) =>
      row.attachments.map((file) => [
        phase.phaseName,
        row.unitName,
        row.deliverableTitle,
        file.name,
        t(`${file.size} 字节`, `${file.size} bytes`),
        file.ref,
        storedLabel(file, t),
      ]),
    ),
  );
  if (rows.length === 0) return [];
  const missing = input.phases.flatMap((p) => p.rows.flatMap((r) => r.attachments)).filter((f) => f.stored === false);
  return [
    {
      heading: t('上报附件', 'Attached files'),
      level: 2,
      paragraphs: [
        t(`共${rows.length}个附件，可按引用下载。`, `${rows.length} file(s), each fetched by its reference.`),
        ...(missing.length > 0
          ? [t(`其中${missing.length}个在存档中未找到。`, `${missing.length} of them are not in the report store.`)]
          : []),
      ],
      table: {
        columns: [
          t('阶段', 'Phase'),
          t('单位', 'Unit'),
          t('材料', 'Deliverable'),
          t('文件', 'File'),
          t('大小', 'Size'),
          t('引用', 'Reference'),
          t('存档', 'Stored'),
        ],
        rows,
      },
    },
  ];
}
