import { writeCsv } from '../csv/csv-format';
import type { Section } from './report-render';
import type { ReceptionReport } from './reception-report-input';

/**
 * The report's part on reception days (领导接访日): per programme, the year so far, then the
 * monthly notices (每月通报) and the weekly summaries (每周汇总) as tables of counts. Also the
 * same rows as a CSV of their own, so the campaign's CSV keeps its one table of deliverables.
 */

type Pick2 = (zh: string, en: string) => string;
type Counts = ReceptionReport['total'];

function columns(t: Pick2): string[] {
  return [
    t('期间', 'Period'),
    t('应接访', 'Scheduled'),
    t('已接访', 'Held'),
    t('缺岗', 'Missed'),
    t('补位', 'Substituted'),
    t('暂停', 'Suspended'),
    t('来访人数', 'Visitors'),
    t('当场答复', 'Answered on the spot'),
    t('交办', 'Handed over'),
    t('已立案', 'Cases filed'),
  ];
}

function cells(c: Counts, t: Pick2): string[] {
  return [
    `${c.from}${t('至', ' to ')}${c.to}`,
    ...[c.scheduled, c.held, c.missed, c.substituted, c.suspended, c.visitors, c.answeredOnSpot, c.handedOver].map(
      String,
    ),
    String(c.casesFiled),
  ];
}

export function receptionSections(receptions: readonly ReceptionReport[], t: Pick2): Section[] {
  if (receptions.length === 0) return [];
  const sections: Section[] = [{ heading: t('领导接访日', 'Leader reception days'), level: 2 }];
  for (const p of receptions) {
    const { total } = p;
    sections.push(
      {
        heading: `${p.programmeName}${t('：每月通报', ': monthly')}`,
        level: 3,
        paragraphs: [
          t(
            `截至${total.to}：应接访${total.scheduled}次，已接访${total.held}次，缺岗${total.missed}次，补位${total.substituted}次，暂停${total.suspended}次；来访${total.visitors}人，交办${total.handedOver}件，已立案${total.casesFiled}件。`,
            `To ${total.to}: ${total.scheduled} scheduled, ${total.held} held, ${total.missed} missed, ${total.substituted} substituted, ${total.suspended} suspended; ${total.visitors} visitors, ${total.handedOver} handed over, ${total.casesFiled} cases filed.`,
          ),
        ],
        table: { columns: columns(t), rows: p.months.map((m) => cells(m, t)) },
      },
      {
        heading: `${p.programmeName}${t('：每周汇总', ': weekly')}`,
        level: 3,
        table: { columns: columns(t), rows: p.weeks.map((w) => cells(w, t)) },
      },
    );
  }
  return sections;
}

/** One row per programme and period: 汇总 (week), 通报 (month). */
export function receptionCsv(receptions: readonly ReceptionReport[], t: Pick2): string {
  const header = [t('接访安排', 'programme'), t('类型', 'kind'), ...columns(t)];
  const rows = receptions.flatMap((p) => [
    ...p.months.map((m) => [p.programmeName, t('每月通报', 'month'), ...cells(m, t)]),
    ...p.weeks.map((w) => [p.programmeName, t('每周汇总', 'week'), ...cells(w, t)]),
  ]);
  return writeCsv([header, ...rows]);
}
