import { formatLateBy } from './format';
import type { Block, Template, TemplateContext } from './layout';

/** Messages about one ledger case (台帐案件): assignment, lateness, a returned closure report. */

interface CaseFacts {
  caseId: string;
  caseTitle: string;
  unitName: string;
  deadline: string;
}

function caseFacts(body: CaseFacts, ctx: TemplateContext, extra: Array<readonly [string, string]> = []): Block {
  return {
    type: 'facts',
    rows: [
      [ctx.t('案件编号', 'Case'), body.caseId],
      [ctx.t('案件', 'Title'), body.caseTitle],
      [ctx.t('责任单位', 'Unit'), body.unitName],
      [ctx.t('办结时限', 'Close by'), ctx.time(body.deadline)],
      ...extra,
    ],
  };
}

export const caseAssigned: Template<'case_assigned'> = (body, ctx) => ({
  subject: ctx.t(
    `案件交办：${body.caseTitle}（办结时限${ctx.time(body.deadline)}）`,
    `Case assigned: ${body.caseTitle} (close by ${ctx.time(body.deadline)})`,
  ),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `现将案件“${body.caseTitle}”交由您作为${body.role}，请于${ctx.time(body.deadline)}前办结。`,
        `You are the ${body.role} for the case "${body.caseTitle}"; it must be closed by ${ctx.time(body.deadline)}.`,
      ),
    },
    caseFacts(body, ctx, [[ctx.t('您的职责', 'Your role'), body.role]]),
  ],
});

export const caseOverdue: Template<'case_overdue'> = (body, ctx) => {
  const late = formatLateBy(body.lateByMs, ctx.locale);
  return {
    subject: ctx.t(`案件逾期：${body.caseTitle}（${late}）`, `Case overdue: ${body.caseTitle} (${late})`),
    blocks: [
      {
        type: 'paragraph',
        text: ctx.t(
          `案件“${body.caseTitle}”超过办结时限未结案，已${late}（第${body.step}级督办）。`,
          `The case "${body.caseTitle}" is past its deadline and ${late} (escalation step ${body.step}).`,
        ),
      },
      caseFacts(body, ctx, [[ctx.t('逾期时长', 'Late by'), late]]),
    ],
  };
};

export const closureReturned: Template<'closure_returned'> = (body, ctx) => ({
  subject: ctx.t(`结案报告退回：${body.caseTitle}`, `Closure report returned: ${body.caseTitle}`),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `案件“${body.caseTitle}”的结案报告不符合结案标准，已退回，请补充后重新报送。`,
        `The closure report for "${body.caseTitle}" does not meet the closure standard and was returned; please complete and resubmit it.`,
      ),
    },
    caseFacts(body, ctx, [[ctx.t('退回理由', 'Reason'), body.reason]]),
  ],
});
