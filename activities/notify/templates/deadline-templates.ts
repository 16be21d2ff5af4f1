import { formatLateBy } from './format';
import type { Block, Template, TemplateContext } from './layout';

/** Messages about one unit's deliverable: reminders, lateness, escalation, notices, extensions. */

interface DeliverableFacts {
  unitName: string;
  phaseName: string;
  deliverableTitle: string;
  dueAt: string;
}

function deliverableFacts(body: DeliverableFacts, ctx: TemplateContext, late?: number): Block {
  return {
    type: 'facts',
    rows: [
      [ctx.t('责任单位', 'Unit'), body.unitName],
      [ctx.t('阶段', 'Phase'), body.phaseName],
      [ctx.t('上报材料', 'Deliverable'), body.deliverableTitle],
      [ctx.t('截止时间', 'Due'), ctx.time(body.dueAt)],
      ...(late === undefined ? [] : [[ctx.t('逾期时长', 'Late by'), formatLateBy(late, ctx.locale)] as const]),
    ],
  };
}

export const dueSoon: Template<'due_soon'> = (body, ctx) => {
  const due = ctx.time(body.dueAt);
  return {
    subject: ctx.t(
      `${body.phaseName}：请于${due}前上报 ${body.deliverableTitle}`,
      `${body.phaseName}: please submit ${body.deliverableTitle} by ${due}`,
    ),
    blocks: [
      {
        type: 'paragraph',
        text: ctx.t(
          `请${body.unitName}于${due}前上报《${body.deliverableTitle}》，不得迟报、漏报、瞒报。`,
          `${body.unitName} is due to submit "${body.deliverableTitle}" by ${due}.`,
        ),
      },
      deliverableFacts(body, ctx),
    ],
  };
};

export const overdue: Template<'overdue'> = (body, ctx) => {
  const late = formatLateBy(body.lateByMs, ctx.locale);
  return {
    subject: ctx.t(
      `${body.phaseName}：${body.deliverableTitle} 已逾期（${late}）`,
      `${body.phaseName}: ${body.deliverableTitle} is overdue (${late})`,
    ),
    blocks: [
      {
        type: 'paragraph',
        text: ctx.t(
          `${body.unitName}应于${ctx.time(body.dueAt)}前上报的《${body.deliverableTitle}》尚未收到，已${late}。请立即上报。`,
          `"${body.deliverableTitle}" from ${body.unitName} was due ${ctx.time(body.dueAt)} and is ${late}. Please submit it now.`,
        ),
      },
      deliverableFacts(body, ctx, body.lateByMs),
    ],
  };
};

export const escalation: Template<'escalation'> = (body, ctx) => {
  const late = formatLateBy(body.lateByMs, ctx.locale);
  const step = body.stepLabel ?? ctx.t(`第${body.step}级督办`, `escalation step ${body.step}`);
  // The subject carries the step's own label (催报, 通报批评, 责任追究): a recipient sorts mail by it.
  const label = body.stepLabel ?? ctx.t('督办', 'Escalation');
  return {
    subject: ctx.t(
      `${label}：${body.unitName}未按时上报 ${body.deliverableTitle}（${late}）`,
      `${label}: ${body.unitName} has not submitted ${body.deliverableTitle} (${late})`,
    ),
    blocks: [
      {
        type: 'paragraph',
        text: ctx.t(
          `${body.unitName}未按时上报《${body.deliverableTitle}》，已${late}，现提请${step}。`,
          `${body.unitName} has not submitted "${body.deliverableTitle}" and is ${late}; this is ${step}.`,
        ),
      },
      deliverableFacts(body, ctx, body.lateByMs),
      ...accountabilityNote(body.accountability, ctx),
    ],
  };
};

export const publicNotice: Template<'public_notice'> = (body, ctx) => {
  const late = formatLateBy(body.lateByMs, ctx.locale);
  return {
    subject: ctx.t(
      `通报：${body.unitName}未按时上报 ${body.deliverableTitle}`,
      `Public notice: ${body.unitName} did not submit ${body.deliverableTitle} on time`,
    ),
    blocks: [
      {
        type: 'paragraph',
        text: ctx.t(
          `经督查，${body.unitName}未按要求于${ctx.time(body.dueAt)}前上报《${body.deliverableTitle}》，已${late}，现予以通报批评。`,
          `${body.unitName} did not submit "${body.deliverableTitle}" by ${ctx.time(body.dueAt)} and is ${late}. This notice goes to every participating unit.`,
        ),
      },
      deliverableFacts(body, ctx, body.lateByMs),
      ...accountabilityNote(body.accountability, ctx),
    ],
  };
};

export const deadlineExtended: Template<'deadline_extended'> = (body, ctx) => {
  const due = ctx.time(body.dueAt);
  return {
    subject: ctx.t(
      `${body.phaseName}：${body.deliverableTitle} 截止时间延至${due}`,
      `${body.phaseName}: deadline for ${body.deliverableTitle} extended to ${due}`,
    ),
    blocks: [
      {
        type: 'paragraph',
        text: ctx.t(
          `经批准，${body.unitName}上报《${body.deliverableTitle}》的截止时间延至${due}。`,
          `The deadline for ${body.unitName} to submit "${body.deliverableTitle}" is extended to ${due}.`,
        ),
      },
      deliverableFacts(body, ctx),
      { type: 'facts', rows: [[ctx.t('延期理由', 'Reason'), body.reason]] },
    ],
  };
};

function accountabilityNote(accountability: boolean, ctx: TemplateContext): Block[] {
  if (!accountability) return [];
  return [
    {
      type: 'paragraph',
      text: ctx.t(
        '已对该单位记录责任追究，并纳入总结验收。',
        'An accountability mark has been recorded against the unit and will count at acceptance.',
      ),
    },
  ];
}
