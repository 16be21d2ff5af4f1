import type { Section } from './report-render';
import type { CampaignReportInput, DutyReport } from './report-input';

type Pick2 = (zh: string, en: string) => string;

const KIND: Record<DutyReport['kind'], [zh: string, en: string]> = {
  supervision: ['督查', 'supervision'],
  'unannounced-check': ['暗查', 'unannounced check'],
  'spot-check': ['抽查', 'spot check'],
  inspection: ['检查', 'inspection'],
};

const STATE: Record<DutyReport['state'], [zh: string, en: string]> = {
  pending: ['未开始', 'not started'],
  open: ['进行中', 'in progress'],
  overdue: ['逾期未办结', 'overdue'],
  done: ['已办结', 'done'],
};

function byName(by: string, t: Pick2): string {
  if (by === 'office') return t('领导小组办公室', 'the office');
  if (by === 'leading-group') return t('领导小组', 'the leading group');
  return by;
}

/**
 * The office's and the supervision teams' duties (督查, 暗查): who owed each, whether it was done,
 * and every finding with the case it became (or why the unit's ledger refused it).
 */
export function dutySections(input: CampaignReportInput, t: Pick2, time: (instant?: string) => string): Section[] {
  if (input.duties.length === 0) return [];
  const duties: Section = {
    heading: t('督查检查', 'Supervision and inspections'),
    level: 2,
    table: {
      columns: [
        t('阶段', 'Phase'),
        t('任务', 'Duty'),
        t('类别', 'Kind'),
        t('承担', 'By'),
        t('截止时间', 'Due'),
        t('状态', 'State'),
        t('办结时间', 'Done'),
        t('发现问题', 'Findings'),
      ],
      rows: input.duties.map((d) => [
        d.phaseName,
        d.title,
        t(...KIND[d.kind]),
        byName(d.by, t),
        time(d.dueAt),
        t(...STATE[d.state]),
        time(d.completedAt),
        String(d.findings.length),
      ]),
    },
  };
  const findings = input.duties.flatMap((d) =>
    d.findings.map((f) => [
      time(f.at),
      d.title,
      f.unitName,
      f.text,
      f.caseId ?? (f.filingError ? t(`未立案：${f.filingError}`, `not filed: ${f.filingError}`) : '—'),
    ]),
  );
  return [
    duties,
    {
      heading: t('督查发现问题', 'Findings'),
      level: 3,
      ...(findings.length === 0
        ? { paragraphs: [t('无。', 'None.')] }
        : {
            table: {
              columns: [
                t('时间', 'When'),
                t('任务', 'Duty'),
                t('单位', 'Unit'),
                t('问题', 'Finding'),
                t('案件', 'Case'),
              ],
              rows: findings,
            },
          }),
    },
  ];
}
