import type { Block, Template, TemplateContext } from './layout';

/** Messages of leader reception days (领导接访日): duty notices, 补位, a missed reception, 汇总 and 通报. */

interface ReceptionFacts {
  programmeName: string;
  outreach: boolean;
  date: string;
  start: string;
  end: string;
  place: string;
}

const kindWord = (body: ReceptionFacts, ctx: TemplateContext) =>
  body.outreach ? ctx.t('下访', 'outreach visit') : ctx.t('接访', 'reception');

function facts(body: ReceptionFacts, ctx: TemplateContext, extra: Array<readonly [string, string]> = []): Block {
  return {
    type: 'facts',
    rows: [
      [ctx.t('安排', 'Programme'), body.programmeName],
      [ctx.t('日期', 'Date'), body.date],
      [ctx.t('时间', 'Hours'), `${body.start}–${body.end}`],
      [ctx.t('地点', 'Place'), body.place],
      ...extra,
    ],
  };
}

export const receptionDuty: Template<'reception_duty'> = (body, ctx) => {
  const when =
    body.daysBefore === 0 ? ctx.t('今天', 'today') : body.daysBefore === 1 ? ctx.t('明天', 'tomorrow') : body.date;
  const standIn = body.standingInFor
    ? ctx.t(`（代${body.standingInFor}补位）`, ` (standing in for ${body.standingInFor})`)
    : '';
  return {
    subject: ctx.t(
      `${when}（${body.date}）请您${kindWord(body, ctx)}${standIn}：${body.place} ${body.start}–${body.end}`,
      `Your ${kindWord(body, ctx)} ${when} (${body.date})${standIn}: ${body.place} ${body.start}–${body.end}`,
    ),
    blocks: [
      {
        type: 'paragraph',
        text: ctx.t(
          `按${body.programmeName}安排表，${body.date}由您${standIn}${kindWord(body, ctx)}。接访后请填写信访接待登记表，做到“事事有回音、件件有着落”；如不能到岗，请于当日前安排补位领导。`,
          `By the ${body.programmeName} rota you are on duty on ${body.date}${standIn}. Record every visitor afterwards (campaign receptions record); if you cannot attend, name a substitute before the day (campaign receptions substitute).`,
        ),
      },
      facts(body, ctx),
    ],
  };
};

export const receptionSubstitute: Template<'reception_substitute'> = (body, ctx) => ({
  subject: ctx.t(
    `补位接访：${body.date} 由${body.substituteName}代${body.rosteredName}${kindWord(body, ctx)}`,
    `Substitute: ${body.substituteName} receives on ${body.date} for ${body.rosteredName}`,
  ),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `${body.rosteredName}因“${body.reason}”不能到岗，${body.date}的${body.programmeName}由${body.substituteName}补位${kindWord(body, ctx)}，安排表已更新。`,
        `${body.rosteredName} cannot attend (${body.reason}); ${body.substituteName} receives on ${body.date} instead. The rota shows the change.`,
      ),
    },
    facts(body, ctx),
  ],
});

export const receptionMissed: Template<'reception_missed'> = (body, ctx) => ({
  subject: ctx.t(
    `接访未登记：${body.date} ${body.programmeName}（${body.leaderName}）`,
    `Reception not recorded: ${body.date} ${body.programmeName} (${body.leaderName})`,
  ),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `${body.date}的${body.programmeName}至当日结束无人登记，视为未接访，已计入${body.leaderName}的缺岗次数。请核实是否出现“上访群众见不到接访领导”的情况。`,
        `Nobody recorded the ${body.date} reception by the end of the day; it counts as missed against ${body.leaderName}.`,
      ),
    },
    facts(body, ctx, [[ctx.t('值班领导', 'On duty'), body.leaderName]]),
  ],
});

function caseState(status: 'open' | 'closure-submitted' | 'closed' | undefined, ctx: TemplateContext): string {
  if (status === undefined) return '';
  const words = {
    open: ctx.t('，办理中', ', open'),
    'closure-submitted': ctx.t('，待销号', ', closure submitted'),
    closed: ctx.t('，已销号', ', closed'),
  };
  return words[status];
}

export const receptionSummary: Template<'reception_summary'> = (body, ctx) => {
  const c = body.counts;
  const title = body.period === 'week' ? ctx.t('每周汇总', 'Weekly summary') : ctx.t('每月通报', 'Monthly notice');
  return {
    subject: ctx.t(
      `${title}：${body.programmeName}（${body.from}至${body.to}）应接访${c.scheduled}次，已接访${c.held}次，缺岗${c.missed}次`,
      `${title}: ${body.programmeName} (${body.from}–${body.to}) ${c.held} of ${c.scheduled} held, ${c.missed} missed`,
    ),
    blocks: [
      {
        type: 'facts',
        rows: [
          [ctx.t('应接访', 'Scheduled'), String(c.scheduled)],
          [ctx.t('已接访', 'Held'), String(c.held)],
          [ctx.t('缺岗', 'Missed'), String(c.missed)],
          [ctx.t('补位', 'Substituted'), String(c.substituted)],
          ...(c.suspended > 0 ? [[ctx.t('暂停', 'Suspended'), String(c.suspended)] as [string, string]] : []),
          [ctx.t('来访群众', 'Visitors'), String(c.visitors)],
          [ctx.t('当场答复', 'Answered on the spot'), String(c.answeredOnSpot)],
          [ctx.t('交办', 'Handed over'), String(c.handedOver)],
          [ctx.t('已立案', 'Cases filed'), String(c.casesFiled)],
        ],
      },
      {
        type: 'list',
        title: ctx.t('领导接访情况', 'By leader'),
        items: body.leaders.map((l) =>
          ctx.t(
            `${l.name}：应接访${l.scheduled}次，已接访${l.held}次，缺岗${l.missed}次，补位${l.substituted}次`,
            `${l.name}: ${l.held} of ${l.scheduled} held, ${l.missed} missed, ${l.substituted} as substitute`,
          ),
        ),
      },
      ...(body.cases.length > 0
        ? [
            {
              type: 'list' as const,
              title: ctx.t('交办事项', 'Handed over'),
              items: body.cases.map(
                (k) =>
                  `${k.date} ${k.title} → ${k.unitName}${k.caseId ? `（${k.caseId}${caseState(k.status, ctx)}）` : ctx.t('（未立案）', ' (not filed)')}`,
              ),
            },
          ]
        : []),
    ],
  };
};
