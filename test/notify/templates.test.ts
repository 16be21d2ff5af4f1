import { describe, expect, it } from 'vitest';
import { NotificationBodySchema } from '../../domain/notifications/notification';
import type { NotificationBody } from '../../domain/notifications/notification';
import { formatLateBy, formatPlanTime, renderNotification } from '../../activities/notify/templates';
import { CAMPAIGN_TITLE, expectedZhSubjects, office, requestFor, sampleBodies, unitHead } from './fixtures';

const kinds = Object.keys(sampleBodies) as Array<NotificationBody['kind']>;

describe('notification templates', () => {
  it('have a sample for every kind in the contract', () => {
    expect(new Set(kinds)).toEqual(new Set(NotificationBodySchema.options.map((option) => option.shape.kind.value)));
  });

  it.each(kinds)('write the %s subject in Chinese, prefixed with the campaign', (kind) => {
    const message = renderNotification(requestFor(sampleBodies[kind]), unitHead);
    expect(message.subject).toBe(`【${CAMPAIGN_TITLE}】${expectedZhSubjects[kind]}`);
  });

  it.each(kinds)('greet the %s recipient by name in both text and HTML, in either language', (kind) => {
    for (const locale of ['zh', 'en'] as const) {
      const message = renderNotification(requestFor(sampleBodies[kind], { locale }), office);
      expect(message.text).toContain(office.name);
      expect(message.html).toContain(office.name);
      expect(message.html).toMatch(/^<!doctype html>/);
    }
  });

  it('say what is owed, by when and in which phase, in the plan time zone', () => {
    const { text } = renderNotification(requestFor(sampleBodies.due_soon), unitHead);
    expect(text).toContain('城关镇');
    expect(text).toContain('宣传发动');
    expect(text).toContain('工作小组成员名单');
    expect(text).toContain('2026-04-14 18:00');
    expect(text).toContain(`${CAMPAIGN_TITLE} 领导小组办公室`);
  });

  it('write English when the locale is en', () => {
    const message = renderNotification(requestFor(sampleBodies.overdue, { locale: 'en' }), unitHead);
    expect(message.subject).toBe(`[${CAMPAIGN_TITLE}] 宣传发动: 工作小组成员名单 is overdue (2 days 3 hours late)`);
    expect(message.text).toContain(`Dear ${unitHead.name},`);
    expect(message.text).toContain('Due: 2026-04-14 18:00');
  });

  it('mark a rehearsal in the subject and the body, in both languages', () => {
    const zh = renderNotification(requestFor(sampleBodies.due_soon, { rehearsal: true }), unitHead);
    expect(zh.subject.startsWith(`【演练】【${CAMPAIGN_TITLE}】`)).toBe(true);
    expect(zh.text).toContain('【演练】这是一次演练发出的消息（计划时间 2026-04-12 09:00）');
    expect(zh.html).toContain('【演练】');
    const en = renderNotification(requestFor(sampleBodies.due_soon, { rehearsal: true, locale: 'en' }), unitHead);
    expect(en.subject.startsWith(`[REHEARSAL] [${CAMPAIGN_TITLE}]`)).toBe(true);
    expect(en.text).toContain('[REHEARSAL] This message comes from a rehearsal');
  });

  it('escape plan-supplied text in HTML but keep it verbatim in plain text', () => {
    const body = { ...sampleBodies.due_soon, unitName: '<script>alert("x")</script> & Co' };
    const message = renderNotification(requestFor(body), { name: "O'Brien <ob@x>", email: 'ob@example.org' });
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(message.html).toContain('O&#39;Brien &lt;ob@x&gt;');
    expect(message.text).toContain('<script>alert("x")</script> & Co');
  });

  it('list every deliverable a phase owes when there are several', () => {
    const body = {
      ...sampleBodies.phase_opened,
      owed: [
        { deliverableId: 'a', deliverableTitle: '动员会议记录', dueAt: '2026-04-13T10:00:00Z' },
        { deliverableId: 'b', deliverableTitle: '工作小组成员名单', dueAt: '2026-04-14T10:00:00Z' },
      ],
    };
    const message = renderNotification(requestFor(body), unitHead);
    expect(message.subject).toBe(`【${CAMPAIGN_TITLE}】宣传发动阶段开始：请按时上报2项材料`);
    expect(message.text).toContain('  - 动员会议记录：2026-04-13 18:00前');
    expect(message.html).toContain('<li>工作小组成员名单：2026-04-14 18:00前</li>');
  });

  it('name the accountability consequence of an escalation step', () => {
    const { text } = renderNotification(requestFor(sampleBodies.escalation), office);
    expect(text).toContain('第2级督办');
    expect(text).toContain('责任追究');
    const labelled = renderNotification(
      requestFor({ ...sampleBodies.escalation, stepLabel: '县委督查室督办' }),
      office,
    );
    expect(labelled.text).toContain('县委督查室督办');
  });

  it.each(['催报', '通报批评', '责任追究'])('put the step label %s at the head of an escalation subject', (label) => {
    const message = renderNotification(requestFor({ ...sampleBodies.escalation, stepLabel: label }), office);
    expect(message.subject).toBe(`【${CAMPAIGN_TITLE}】${label}：城关镇未按时上报 工作小组成员名单（逾期2天3小时）`);
  });

  it('say that a reissued phase report replaces the earlier revisions and is the current one', () => {
    const message = renderNotification(requestFor({ ...sampleBodies.report_ready, revision: 2 }), office);
    expect(message.subject).toBe(`【${CAMPAIGN_TITLE}】宣传发动阶段工作报告已更新（第2版）`);
    expect(message.text).toContain('现重新生成第2版，取代第1版及以前各版，以本版为准。');
  });

  it('are pure: the same request renders the same message', () => {
    const request = requestFor(sampleBodies.public_notice);
    expect(renderNotification(request, unitHead)).toEqual(renderNotification(request, unitHead));
  });
});

describe('time and lateness formatting', () => {
  it.each([
    ['2026-04-14T10:00:00Z', 'Asia/Shanghai', '2026-04-14 18:00'],
    ['2026-04-14T16:00:00Z', 'Asia/Shanghai', '2026-04-15 00:00'],
    ['2026-04-14T10:00:00Z', 'UTC', '2026-04-14 10:00'],
    ['2026-04-14T18:00:00+08:00', 'America/New_York', '2026-04-14 06:00'],
  ])('shows %s in %s as %s', (instant, zone, expected) => {
    expect(formatPlanTime(instant, zone)).toBe(expected);
  });

  it.each([
    [(2 * 24 + 3) * 3_600_000, '逾期2天3小时', '2 days 3 hours late'],
    [24 * 3_600_000, '逾期1天', '1 day late'],
    [5 * 3_600_000 + 59 * 60_000, '逾期5小时', '5 hours late'],
    [45 * 60_000, '逾期45分钟', '45 minutes late'],
    [0, '逾期1分钟', '1 minute late'],
  ])('writes %d ms late as %s / %s', (ms, zh, en) => {
    expect(formatLateBy(ms, 'zh')).toBe(zh);
    expect(formatLateBy(ms, 'en')).toBe(en);
  });
});

describe('case roles', () => {
  it.each([
    ['owning-unit', '承办单位', 'owning unit'],
    ['case-leader', '包案领导', 'case-owning leader'],
  ])('names the ledger role %s in words', (role, zh, en) => {
    const body = { ...sampleBodies.case_assigned, role };
    const chinese = renderNotification(requestFor(body), unitHead).text;
    const english = renderNotification(requestFor(body, { locale: 'en' }), unitHead).text;
    expect(chinese).toContain(`作为${zh}`);
    expect(english).toContain(`the ${en} for`);
    expect(chinese + english).not.toContain(role);
  });
});
