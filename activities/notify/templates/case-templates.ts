import { formatLateBy } from './format';
import type { Block, Template, TemplateContext } from './layout';

/** Messages about one ledger case (台帐案件): assignment, lateness, transfer, escalation, closure. */

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

/** The ledger names roles by id; a reader wants the office's word for them. Unknown roles pass through. */
function roleName(role: string, ctx: TemplateContext): string {
  if (role === 'owning-unit') return ctx.t('承办单位', 'owning unit');
  if (role === 'case-leader') return ctx.t('包案领导', 'case-owning leader');
  return role;
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
        `现将案件“${body.caseTitle}”交由您作为${roleName(body.role, ctx)}，请于${ctx.time(body.deadline)}前办结。`,
        `You are the ${roleName(body.role, ctx)} for the case "${body.caseTitle}"; it must be closed by ${ctx.time(body.deadline)}.`,
      ),
    },
    caseFacts(body, ctx, [[ctx.t('您的职责', 'Your role'), roleName(body.role, ctx)]]),
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

export const caseTransferred: Template<'case_transferred'> = (body, ctx) => ({
  subject: ctx.t(
    `案件移交：${body.caseTitle}（${body.fromUnitName} → ${body.unitName}）`,
    `Case transferred: ${body.caseTitle} (${body.fromUnitName} → ${body.unitName})`,
  ),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `案件“${body.caseTitle}”已由${body.fromUnitName}移交${body.unitName}办理，办结时限不变。`,
        `The case "${body.caseTitle}" was transferred from ${body.fromUnitName} to ${body.unitName}; its deadline stands.`,
      ),
    },
    caseFacts(body, ctx, [
      [ctx.t('原责任单位', 'From'), body.fromUnitName],
      [ctx.t('移交理由', 'Reason'), body.reason],
    ]),
  ],
});

export const caseEscalated: Template<'case_escalated'> = (body, ctx) => ({
  subject: ctx.t(`合力攻坚：${body.caseTitle}`, `Case escalated: ${body.caseTitle}`),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `案件“${body.caseTitle}”已提请${body.leaderName}协调督办，合力攻坚。`,
        `The case "${body.caseTitle}" was escalated to ${body.leaderName} to resolve it together.`,
      ),
    },
    caseFacts(body, ctx, [
      [ctx.t('督办领导', 'Leader'), body.leaderName],
      [ctx.t('理由', 'Reason'), body.reason],
    ]),
  ],
});

export const caseDeadlineExtended: Template<'case_deadline_extended'> = (body, ctx) => ({
  subject: ctx.t(
    `办结时限延长：${body.caseTitle}（至${ctx.time(body.deadline)}）`,
    `Deadline extended: ${body.caseTitle} (to ${ctx.time(body.deadline)})`,
  ),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `案件“${body.caseTitle}”的办结时限由${ctx.time(body.previousDeadline)}延长至${ctx.time(body.deadline)}。`,
        `The deadline of "${body.caseTitle}" moved from ${ctx.time(body.previousDeadline)} to ${ctx.time(body.deadline)}.`,
      ),
    },
    caseFacts(body, ctx, [
      [ctx.t('原办结时限', 'Was due'), ctx.time(body.previousDeadline)],
      [ctx.t('延期理由', 'Reason'), body.reason],
    ]),
  ],
});

export const closureSubmitted: Template<'closure_submitted'> = (body, ctx) => ({
  subject: ctx.t(`结案报告待销号：${body.caseTitle}`, `Closure report to accept: ${body.caseTitle}`),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `${body.unitName}已报送案件“${body.caseTitle}”的结案报告，请审核销号或退回。`,
        `${body.unitName} submitted the closure report of "${body.caseTitle}"; please accept it or return it.`,
      ),
    },
    caseFacts(body, ctx),
  ],
});

export const caseClosed: Template<'case_closed'> = (body, ctx) => ({
  subject: ctx.t(`案件已销号：${body.caseTitle}`, `Case closed: ${body.caseTitle}`),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `案件“${body.caseTitle}”的结案报告已由${body.by}审核通过，予以销号。`,
        `The closure of "${body.caseTitle}" was accepted by ${body.by}; the case is closed.`,
      ),
    },
    caseFacts(body, ctx, [[ctx.t('销号', 'Accepted by'), body.by]]),
  ],
});
