import type { AssessmentResult } from '../../domain/assessment/result-schema';
import type { AssessmentReportInput } from './assessment-inputs';
import { writeCsv } from '../csv/csv-format';
import { renderHtml, renderMarkdown, type Section } from '../reports/report-render';

/**
 * The published result of an assessment (考核评比结果) as the campaign report writes its files:
 * sections built once as data and written as Markdown and HTML, and the CSV through the project's
 * one formula-safe writer, so the three can never disagree. Every entrant's line carries its
 * breakdown: each item, each assessor's score and what was dropped, deductions and vetoes.
 */

const DROPPED = { highest: '去掉最高分', lowest: '去掉最低分' } as const;

function itemDetail(line: AssessmentResult['ranking'][number]['items'][number]): string {
  if (line.fact) return `${line.fact.name} ${line.fact.value}`;
  return line.assessors.map((a) => `${a.name} ${a.score}${a.dropped ? `（${DROPPED[a.dropped]}）` : ''}`).join('；');
}

/** The result's sections; at level 3 they sit under a heading of the campaign report's own. */
export function assessmentSections(input: AssessmentReportInput, level: 2 | 3 = 2): Section[] {
  const { result } = input;
  const names = new Map(result.ranking.map((r) => [r.entrant, r.name]));
  const items = result.ranking[0]?.items ?? [];
  return [
    {
      heading: '概况',
      level,
      paragraphs: [
        `满分 ${result.maxTotal}，共 ${result.ranking.length} 个参评对象，经 ${input.approvedBy} 审定后公布。`,
        ...(input.rehearsal ? ['本结果来自演练，不作为正式考核依据。'] : []),
      ],
    },
    {
      heading: '排名',
      level,
      table: {
        columns: ['名次', '参评对象', ...items.map((i) => i.name), '扣分', '总分', '奖项'],
        rows: result.ranking.map((r) => [
          String(r.rank),
          r.name,
          ...r.items.map((i) => i.contribution),
          r.deductions.map((d) => `${d.name} -${d.points}`).join('；'),
          r.total,
          r.vetoes.length > 0 ? '一票否决' : (r.award?.name ?? ''),
        ]),
      },
    },
    {
      heading: '表彰名单',
      level,
      items: result.awards.map(
        (a) => `${a.name}（${a.entrants.length}）：${a.entrants.map((id) => names.get(id) ?? id).join('、') || '无'}`,
      ),
    },
    {
      heading: '一票否决',
      level,
      ...(result.vetoed.length > 0
        ? { items: result.vetoed.map((v) => `${v.name}：${v.reasons.join('；')}`) }
        : { paragraphs: ['无。'] }),
    },
    {
      heading: '得分明细',
      level,
      table: {
        columns: ['参评对象', '项目', '得分', '计入总分', '评分明细'],
        rows: result.ranking.flatMap((r) =>
          r.items.map((i) => [r.name, i.name, i.score, i.contribution, itemDetail(i)]),
        ),
      },
    },
  ];
}

/** One CSV row per entrant, item and assessor, so a sheet can total anything again. */
export function assessmentCsv(result: AssessmentResult): string {
  return writeCsv(csvRows(result));
}

function csvRows(result: AssessmentResult): (string | number)[][] {
  const header = [
    '名次',
    '参评对象',
    '奖项',
    '总分',
    '项目',
    '项目得分',
    '评委',
    '评委评分',
    '去掉',
    '扣分',
    '一票否决',
  ];
  const rows = result.ranking.flatMap((r) => {
    const common = (item: string, score: string) => [
      r.rank,
      r.name,
      r.vetoes.length > 0 ? '一票否决' : (r.award?.name ?? ''),
      r.total,
      item,
      score,
    ];
    const tail = [r.deductions.map((d) => `${d.name} -${d.points}`).join('；'), r.vetoes.join('；')];
    return r.items.flatMap((i) =>
      i.assessors.length === 0
        ? [[...common(i.name, i.score), i.fact ? i.fact.name : '', i.fact ? i.fact.value : '', '', ...tail]]
        : i.assessors.map((a) => [
            ...common(i.name, i.score),
            a.name,
            a.score,
            a.dropped ? DROPPED[a.dropped] : '',
            ...tail,
          ]),
    );
  });
  return [header, ...rows];
}

export function compileAssessmentReport(input: AssessmentReportInput): { markdown: string; html: string; csv: string } {
  const title = `${input.rehearsal ? '【演练】' : ''}${input.result.title} 结果`;
  const built = assessmentSections(input);
  return {
    markdown: renderMarkdown(title, built),
    html: renderHtml(title, built, 'zh'),
    csv: assessmentCsv(input.result),
  };
}
