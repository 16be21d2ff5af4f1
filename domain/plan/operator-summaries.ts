import { instantToLocal } from '../calendar/local-time';
import type { Plan } from './schema';

/**
 * What the Web UI shows an operator beside a workflow, a timer or an activity (Temporal's user
 * metadata), in the plan's language. Built from the plan's title, ids, unit and phase names, counts
 * and dates only: the codec leaves these in clear (contracts/clear-summary.ts).
 */
type Locale = Plan['campaign']['locale'];
const t = (locale: Locale, zh: string, en: string) => (locale === 'zh' ? zh : en);

export function campaignSummary(plan: Plan, rehearsal: boolean): string {
  const { locale, title } = plan.campaign;
  const units = plan.units.length;
  const phases = plan.phases.length;
  return t(
    locale,
    `${rehearsal ? '【演练】' : ''}${title}：${units}个责任单位，${phases}个阶段`,
    `${rehearsal ? '[rehearsal] ' : ''}${title}: ${units} units, ${phases} phases`,
  );
}

export function campaignDetails(plan: Plan): string {
  const { locale, id, organiser } = plan.campaign;
  const lines = plan.phases.map((p) =>
    t(
      locale,
      `- **${p.name}**（${p.id}）：${p.deliverables.length}项材料`,
      `- **${p.name}** (${p.id}): ${p.deliverables.length} reports`,
    ),
  );
  return [t(locale, `活动 \`${id}\`，${organiser}`, `Campaign \`${id}\`, ${organiser}`), '', ...lines].join('\n');
}

export function unitSummary(locale: Locale, unitName: string, unitId: string, title: string): string {
  return t(locale, `${unitName}（${unitId}）：${title}`, `${unitName} (${unitId}): ${title}`);
}

/** A timer: the plan time it waits for. */
export function wakeSummary(locale: Locale, atMs: number, timeZone: string, what: 'campaign' | 'unit'): string {
  const { date, time } = instantToLocal(atMs, timeZone);
  return what === 'campaign'
    ? t(locale, `等待下一时点：${date} ${time}`, `next moment: ${date} ${time}`)
    : t(locale, `等待下一次提醒或督办：${date} ${time}`, `next reminder or escalation: ${date} ${time}`);
}

/** A mail activity: what kind of notice, to how many people. */
export function mailSummary(locale: Locale, kind: string, recipients: number | 'all-units'): string {
  const who =
    recipients === 'all-units'
      ? t(locale, '全部责任单位', 'every unit')
      : t(locale, `${recipients}人`, `${recipients} people`);
  return t(locale, `发送通知 ${kind}：${who}`, `mail ${kind}: ${who}`);
}
