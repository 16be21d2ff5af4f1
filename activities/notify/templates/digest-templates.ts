import type { DigestGroup, DigestItem } from '../../../domain/notifications/digest-items';
import { formatLateBy } from './format';
import type { Block, Template, TemplateContext } from './layout';

/**
 * One mail for a day's notices of one kind (domain/notifications/digest-book.ts). Every item keeps
 * what its own mail said: the unit, the report, its phase and due time, how late, the step and
 * whether accountability was recorded; the list is the mail.
 */

function itemLine(item: DigestItem, ctx: TemplateContext): string {
  const due = ctx.time(item.dueAt);
  const head = ctx.t(
    `${item.unitName}：《${item.deliverableTitle}》（${item.phaseName}，截止${due}`,
    `${item.unitName}: "${item.deliverableTitle}" (${item.phaseName}, due ${due}`,
  );
  switch (item.kind) {
    case 'due_soon':
      return `${head}${ctx.t('，即将到期）', ', due soon)')}`;
    case 'overdue':
      return `${head}${ctx.t(`，已${formatLateBy(item.lateByMs, 'zh')}）`, `, ${formatLateBy(item.lateByMs, 'en')})`)}`;
    case 'escalation': {
      const step = item.stepLabel ?? ctx.t(`第${item.step}级督办`, `escalation step ${item.step}`);
      return `${head}${ctx.t(`，已${formatLateBy(item.lateByMs, 'zh')}，${step}`, `, ${formatLateBy(item.lateByMs, 'en')}, ${step}`)}${accountability(item.accountability, ctx)}${ctx.t('）', ')')}`;
    }
    case 'public_notice':
      return `${head}${ctx.t(`，已${formatLateBy(item.lateByMs, 'zh')}`, `, ${formatLateBy(item.lateByMs, 'en')}`)}${accountability(item.accountability, ctx)}${ctx.t('）', ')')}`;
  }
}

const accountability = (marked: boolean, ctx: TemplateContext) =>
  marked ? ctx.t('，已记录责任追究', ', accountability recorded') : '';

function headline(of: DigestGroup, day: string, units: number, n: number, ctx: TemplateContext) {
  switch (of) {
    case 'public_notice':
      return {
        subject: ctx.t(
          `通报批评（${day}）：${units}个单位${n}项材料未按时上报`,
          `Public notice (${day}): ${n} reports from ${units} units not submitted on time`,
        ),
        text: ctx.t(
          `经督查，以下单位未按要求按时上报材料，现予以通报批评：`,
          'The following units did not submit on time. This notice goes to every participating unit:',
        ),
      };
    case 'escalation':
      return {
        subject: ctx.t(`督办汇总（${day}）：${units}个单位${n}项材料逾期`, `Escalations (${day}): ${n} late reports`),
        text: ctx.t('以下材料逾期未报，现提请督办：', 'These reports are late and escalated:'),
      };
    case 'reminder':
      return {
        subject: ctx.t(`催报提醒（${day}）：${n}项材料待上报`, `Reminders (${day}): ${n} reports to submit`),
        text: ctx.t(
          '请按时上报以下材料，已逾期的请立即上报，不得迟报、漏报、瞒报：',
          'Please submit these reports; the overdue ones now:',
        ),
      };
  }
}

export const digest: Template<'digest'> = (body, ctx) => {
  const units = new Set(body.items.map((i) => i.unitId)).size;
  const { subject, text } = headline(body.of, body.day, units, body.items.length, ctx);
  const blocks: Block[] = [
    { type: 'paragraph', text },
    { type: 'list', items: body.items.map((item) => itemLine(item, ctx)) },
  ];
  return { subject, blocks };
};
