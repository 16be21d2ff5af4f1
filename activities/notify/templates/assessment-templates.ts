import type { Template } from './layout';

/** Messages of an assessment (考核评比): reminders, late assessors, the published result, 排名通报. */

export const assessmentReminder: Template<'assessment_reminder'> = (body, ctx) => ({
  subject: ctx.t(
    `评分提醒：${body.title}，请于${ctx.time(body.dueAt)}前完成评分（尚缺${body.missing}项）`,
    `Scores due: ${body.title} by ${ctx.time(body.dueAt)} (${body.missing} still to give)`,
  ),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `${body.title}的评分截止时间为${ctx.time(body.dueAt)}，您尚有${body.missing}项评分未提交，请按时完成。`,
        `Scoring for ${body.title} closes at ${ctx.time(body.dueAt)}; ${body.missing} of your scores are still missing.`,
      ),
    },
    {
      type: 'facts',
      rows: [
        [ctx.t('评委', 'Assessor'), body.assessorName],
        [ctx.t('尚缺评分', 'Scores missing'), String(body.missing)],
        [ctx.t('截止时间', 'Due'), ctx.time(body.dueAt)],
      ],
    },
  ],
});

export const assessmentOverdue: Template<'assessment_overdue'> = (body, ctx) => ({
  subject: ctx.t(
    `评分逾期：${body.title}，${body.late.length}位评委未按时完成评分`,
    `Scores overdue: ${body.title}, ${body.late.length} assessor(s) late`,
  ),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `${body.title}的评分已于${ctx.time(body.dueAt)}截止，以下评委仍未完成评分${body.stepLabel ? `（${body.stepLabel}）` : ''}。评分未齐，结果无法计算。`,
        `Scoring for ${body.title} was due at ${ctx.time(body.dueAt)}; these assessors have not finished${body.stepLabel ? ` (${body.stepLabel})` : ''}. The result cannot be computed until they do.`,
      ),
    },
    {
      type: 'list',
      title: ctx.t('未完成评分的评委', 'Late assessors'),
      items: body.late.map((l) => ctx.t(`${l.name}：尚缺${l.missing}项`, `${l.name}: ${l.missing} missing`)),
    },
  ],
});

export const assessmentPublished: Template<'assessment_published'> = (body, ctx) => ({
  subject: ctx.t(
    `结果公布：${body.title}（经${body.approvedBy}审定）`,
    `Result published: ${body.title} (approved by ${body.approvedBy})`,
  ),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `${body.title}结果经${body.approvedBy}审定，现予公布。共${body.entrants}个参评对象；各单位可查看本单位的得分明细。`,
        `The result of ${body.title}, approved by ${body.approvedBy}, is published: ${body.entrants} entrants. Each unit may see its own breakdown.`,
      ),
    },
    ...body.awards.map((a) => ({
      type: 'list' as const,
      title: ctx.t(`${a.name}（${a.entrants.length}个）`, `${a.name} (${a.entrants.length})`),
      items: a.entrants,
    })),
    ...(body.vetoes.length > 0
      ? [
          {
            type: 'list' as const,
            title: ctx.t('一票否决', 'Vetoed'),
            items: body.vetoes.map((v) => `${v.name}：${v.reasons.join('；')}`),
          },
        ]
      : []),
    ...(body.files.length > 0
      ? [
          {
            type: 'list' as const,
            title: ctx.t('结果报告', 'Result report'),
            items: body.files.map((f) => `${f.name}（${f.ref}）`),
          },
        ]
      : []),
  ],
});

export const rankingNotice: Template<'ranking_notice'> = (body, ctx) => {
  const period = body.period === 'week' ? ctx.t('周', 'weekly') : ctx.t('月', 'monthly');
  return {
    subject: ctx.t(
      `排名通报（${body.from}至${body.to}）：${body.title}`,
      `Ranking (${period}, ${body.from}–${body.to}): ${body.title}`,
    ),
    blocks: [
      {
        type: 'paragraph',
        text: ctx.t(
          `现将截至${body.to}各单位${body.columns.join('、')}排名通报如下。`,
          `Units ranked by ${body.columns.join(', ')} as of ${body.to}.`,
        ),
      },
      {
        type: 'list',
        title: ctx.t('排名', 'Ranking'),
        items: body.rows.map((r) =>
          ctx.t(
            `第${r.rank}名 ${r.unitName}：${r.values.join('，')}`,
            `${r.rank}. ${r.unitName}: ${r.values.join(', ')}`,
          ),
        ),
      },
    ],
  };
};
