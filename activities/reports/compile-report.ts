import { assessmentCsv, assessmentSections } from '../assessment/compile-assessment-report';
import { writeCsv } from '../csv/csv-format';
import { formatLateBy, formatPlanTime } from '../notify/templates';
import { receptionCsv, receptionSections } from './reception-sections';
import { attachmentSection } from './attachment-section';
import { dutySections } from './duty-section';
import { renderHtml, renderMarkdown } from './report-render';
import type { Section, Table } from './report-render';
import { CampaignReportInputSchema } from './report-input';
import type { CampaignReportInput, CampaignReportInputData, DeliverableState, UnitRow } from './report-input';

/**
 * The campaign (or phase) report the leading group reads at acceptance (总结验收): who reported on
 * time, late or not at all, what was escalated, the ledger totals, and who is commended (表彰) or
 * held to account (责任追究). Pure: the sections are built once as data, then written as Markdown,
 * HTML and CSV, so the three files can never disagree.
 */

export interface CompiledReport {
  markdown: string;
  html: string;
  csv: string;
  /** The reception programmes' weekly and monthly counts, when the campaign runs any. */
  receptionsCsv?: string;
  /** The published assessment's breakdown, one row per entrant, item and assessor. */
  assessmentCsv?: string;
}

type Pick2 = (zh: string, en: string) => string;

const STATE_LABELS: Record<DeliverableState, [zh: string, en: string]> = {
  'on-time': ['按时上报', 'on time'],
  late: ['逾期上报', 'late'],
  missing: ['未上报', 'missing'],
  pending: ['待上报', 'pending'],
};

export function compileCampaignReport(data: CampaignReportInputData): CompiledReport {
  const input = CampaignReportInputSchema.parse(data);
  const t: Pick2 = (zh, en) => (input.locale === 'zh' ? zh : en);
  const title = `${input.rehearsal ? t('【演练】', '[REHEARSAL] ') : ''}${input.campaignTitle} ${t('工作报告', 'report')}`;
  const sections = buildSections(input, t);
  return {
    markdown: renderMarkdown(title, sections),
    html: renderHtml(title, sections, input.locale),
    csv: renderCsv(input, t),
    ...(input.receptions.length > 0 ? { receptionsCsv: receptionCsv(input.receptions, t) } : {}),
    ...(input.assessment ? { assessmentCsv: assessmentCsv(input.assessment.result) } : {}),
  };
}

function buildSections(input: CampaignReportInput, t: Pick2): Section[] {
  const time = (instant: string | undefined): string =>
    instant === undefined ? '—' : formatPlanTime(instant, input.timeZone);
  const late = (ms: number | undefined): string => (ms === undefined ? '—' : formatLateBy(ms, input.locale));
  const count = (rows: UnitRow[], state: DeliverableState): string =>
    String(rows.filter((row) => row.state === state).length);
  const none = [t('无。', 'None.')];
  const states: DeliverableState[] = ['on-time', 'late', 'missing', 'pending'];

  const sections: Section[] = [
    {
      heading: t('概况', 'Overview'),
      level: 2,
      paragraphs: [
        `${t('生成时间', 'Generated')}: ${time(input.generatedAt)} (${input.timeZone})`,
        ...revisionNote(input, t),
        ...(input.rehearsal ? [t('本报告来自演练，不作为正式考核依据。', 'This report comes from a rehearsal.')] : []),
      ],
      table: {
        columns: [t('阶段', 'Phase'), ...states.map((state) => t(...STATE_LABELS[state]))],
        rows: input.phases.map((phase) => [phase.phaseName, ...states.map((state) => count(phase.rows, state))]),
      },
    },
  ];

  for (const phase of input.phases) {
    sections.push({ heading: phase.phaseName, level: 2 });
    const tables: Record<DeliverableState, Table> = {
      'on-time': {
        columns: [t('单位', 'Unit'), t('材料', 'Deliverable'), t('上报时间', 'Submitted')],
        rows: [],
      },
      late: {
        columns: [t('单位', 'Unit'), t('材料', 'Deliverable'), t('上报时间', 'Submitted'), t('逾期', 'Late by')],
        rows: [],
      },
      missing: {
        columns: [t('单位', 'Unit'), t('材料', 'Deliverable'), t('截止时间', 'Due'), t('逾期', 'Late by')],
        rows: [],
      },
      pending: { columns: [t('单位', 'Unit'), t('材料', 'Deliverable'), t('截止时间', 'Due')], rows: [] },
    };
    for (const row of phase.rows) {
      // A returned report says so: its lateness counts from the first submission.
      const title =
        row.returns > 0
          ? `${row.deliverableTitle}${t(`（退回${row.returns}次后重报）`, ` (resubmitted after ${row.returns} return(s))`)}`
          : row.deliverableTitle;
      const cells: Record<DeliverableState, string[]> = {
        'on-time': [row.unitName, title, time(row.submittedAt)],
        late: [row.unitName, title, time(row.submittedAt), late(row.lateByMs)],
        missing: [row.unitName, title, time(row.dueAt), late(row.lateByMs)],
        pending: [row.unitName, title, time(row.dueAt)],
      };
      tables[row.state].rows.push(cells[row.state]);
    }
    for (const state of states) {
      const table = tables[state];
      if (state === 'pending' && table.rows.length === 0) continue;
      sections.push({
        heading: t(...STATE_LABELS[state]),
        level: 3,
        ...(table.rows.length === 0 ? { paragraphs: none } : { table }),
      });
    }
  }

  sections.push(...attachmentSection(input, t));
  sections.push(decisionsSection(input, t, time));
  sections.push(...dutySections(input, t, time));

  sections.push({
    heading: t('督办记录', 'Escalations'),
    level: 2,
    ...(input.escalations.length === 0
      ? { paragraphs: none }
      : {
          table: {
            columns: [
              t('时间', 'When'),
              t('单位', 'Unit'),
              t('阶段', 'Phase'),
              t('材料', 'Deliverable'),
              t('督办级别', 'Step'),
              t('通报', 'Public notice'),
              t('责任追究', 'Accountability'),
            ],
            rows: input.escalations.map((entry) => [
              time(entry.at),
              entry.unitName,
              entry.phaseName,
              entry.deliverableTitle,
              stepName(entry, t),
              entry.publicNotice ? t('是', 'yes') : t('否', 'no'),
              entry.accountability ? t('是', 'yes') : t('否', 'no'),
            ]),
          },
        }),
  });

  if (input.ledger !== undefined) {
    const { ledger } = input;
    const rate = (closed: number, total: number): string =>
      total === 0 ? '—' : `${((closed / total) * 100).toFixed(1)}%`;
    sections.push({
      heading: t('台帐统计', 'Case ledger'),
      level: 2,
      table: {
        columns: [t('类别', 'Category'), t('总数', 'Total'), t('已办结', 'Closed'), t('办结率', 'Closure rate')],
        rows: [
          ...ledger.byCategory.map((row) => [
            row.category,
            String(row.total),
            String(row.closed),
            rate(row.closed, row.total),
          ]),
          [t('合计', 'All'), String(ledger.total), String(ledger.closed), rate(ledger.closed, ledger.total)],
        ],
      },
      paragraphs: [`${t('未办结', 'Open')}: ${ledger.open}; ${t('超期未办结', 'Overdue')}: ${ledger.overdue}`],
    });
  }

  sections.push(...receptionSections(input.receptions, t));
  if (input.assessment) {
    const { result, approvedBy } = input.assessment;
    sections.push(
      { heading: t(`考核评比：${result.title}`, `Assessment: ${result.title}`), level: 2 },
      ...assessmentSections({ result, approvedBy, rehearsal: input.rehearsal }, 3),
    );
  }

  const allRows = input.phases.flatMap((phase) => phase.rows);
  const unitNames = [...new Map(allRows.map((row) => [row.unitId, row.unitName])).entries()];
  const commended = unitNames
    .filter(([unitId]) => allRows.filter((row) => row.unitId === unitId).every((row) => row.state === 'on-time'))
    .map(([, name]) => name);
  const marks = new Map<string, { name: string; reasons: string[] }>();
  for (const mark of input.accountabilityMarks) {
    const entry = marks.get(mark.unitId) ?? { name: mark.unitName, reasons: [] };
    entry.reasons.push(`${mark.deliverableTitle}${t('：', ': ')}${stepName(mark, t)}`);
    marks.set(mark.unitId, entry);
  }
  sections.push(
    {
      heading: t('拟表彰单位（全部按时上报）', 'Commended (every report on time)'),
      level: 2,
      ...(commended.length === 0 ? { paragraphs: none } : { items: commended }),
    },
    {
      heading: t('责任追究', 'Held to account'),
      level: 2,
      ...(marks.size === 0
        ? { paragraphs: none }
        : { items: [...marks.values()].map((entry) => `${entry.name}: ${entry.reasons.join('; ')}`) }),
    },
  );
  return sections;
}

/** Who approved or returned which phase, when, and what they said (批示、退回理由). */
function decisionsSection(
  input: CampaignReportInput,
  t: Pick2,
  time: (instant: string | undefined) => string,
): Section {
  const heading = t('审批与退回', 'Approvals and returns');
  if (input.decisions.length === 0) return { heading, level: 2, paragraphs: [t('无。', 'None.')] };
  const list = (items: string[]) => (items.length === 0 ? '—' : items.join(t('、', ', ')));
  return {
    heading,
    level: 2,
    table: {
      columns: [
        t('时间', 'When'),
        t('阶段', 'Phase'),
        t('决定', 'Decision'),
        t('领导', 'By'),
        t('意见或理由', 'Comment or reason'),
        t('退回单位', 'Returned to'),
        t('退回材料', 'Reports returned'),
        t('重新上报截止', 'Resubmit by'),
      ],
      rows: input.decisions.map((d) => [
        time(d.at),
        d.phaseName,
        d.kind === 'approved' ? t('通过', 'approved') : t('退回', 'returned'),
        d.by,
        d.text ?? '—',
        list(d.units),
        d.kind === 'returned' && d.deliverables.length === 0 ? t('全部', 'all') : list(d.deliverables),
        time(d.newDueAt),
      ]),
    },
  };
}

/** A step as the plan names it, else by its number in the report's language. */
function stepName(entry: { step: number; stepLabel?: string }, t: Pick2): string {
  return entry.stepLabel ?? t(`第${entry.step}级督办`, `escalation step ${entry.step}`);
}

function renderCsv(input: CampaignReportInput, t: Pick2): string {
  const time = (instant: string | undefined): string =>
    instant === undefined ? '' : formatPlanTime(instant, input.timeZone);
  const header = [
    t('阶段', 'phase'),
    t('单位编号', 'unit id'),
    t('单位', 'unit'),
    t('材料', 'deliverable'),
    t('状态', 'state'),
    t('截止时间', 'due'),
    t('上报时间', 'submitted'),
    t('逾期小时', 'late by hours'),
  ];
  const rows = input.phases.flatMap((phase) =>
    phase.rows.map((row) => [
      phase.phaseName,
      row.unitId,
      row.unitName,
      row.deliverableTitle,
      t(...STATE_LABELS[row.state]),
      time(row.dueAt),
      time(row.submittedAt),
      row.lateByMs === undefined ? '' : (row.lateByMs / 3_600_000).toFixed(1),
    ]),
  );
  return writeCsv([header, ...rows]);
}

/** Which revision a phase report is: a reissue says it replaces the earlier ones and is the current one. */
function revisionNote(input: CampaignReportInput, t: Pick2): string[] {
  if (input.scope !== 'phase') return [];
  if (input.revision === 1) return [t('版本：第1版。', 'Revision 1.')];
  return [
    t(
      `版本：第${input.revision}版（现行版本）。本阶段报告生成后又收到上报材料，本版取代第${input.revision - 1}版及以前各版。`,
      `Revision ${input.revision} (current). Reports arrived after this phase's report was compiled; this revision replaces revision ${input.revision - 1} and earlier.`,
    ),
  ];
}
