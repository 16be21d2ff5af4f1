import type { NotificationBody, NotificationRequest, Recipient } from '../../domain/notifications/notification';

/** Sample notifications from the county petition campaign (000 篇5), one per kind. */

export const unitHead: Recipient = { name: '李明', email: 'liming@town-a.example', role: 'unit-head' };
export const office: Recipient = { name: '县信访局', email: 'office@county.example', role: 'office' };

// 10:00Z is 18:00 in Asia/Shanghai, the plan's default due time.
const dueAt = '2026-04-14T10:00:00Z';
const deliverable = {
  phaseId: 'mobilize',
  phaseName: '宣传发动',
  deliverableId: 'member-list',
  deliverableTitle: '工作小组成员名单',
  dueAt,
};
const unit = { unitId: 'town-a', unitName: '城关镇' };
const caseRef = { caseId: 'C-007', caseTitle: '拆迁补偿纠纷', unitName: '城关镇', deadline: '2026-06-30T10:00:00Z' };
const reception = {
  programmeName: '局领导信访接待日',
  outreach: false,
  date: '2026-10-08',
  start: '08:30',
  end: '17:30',
  place: '区教育局一楼会议室',
};
const lateByMs = (2 * 24 + 3) * 3_600_000;

export const sampleBodies: { [K in NotificationBody['kind']]: Extract<NotificationBody, { kind: K }> } = {
  phase_opened: {
    kind: 'phase_opened',
    phaseId: 'mobilize',
    phaseName: '宣传发动',
    windowStart: '2026-04-12T01:00:00Z',
    windowEnd: '2026-04-13T10:00:00Z',
    owed: [{ deliverableId: 'member-list', deliverableTitle: '工作小组成员名单', dueAt }],
  },
  due_soon: { kind: 'due_soon', ...unit, ...deliverable },
  overdue: { kind: 'overdue', ...unit, ...deliverable, lateByMs },
  escalation: { kind: 'escalation', ...unit, ...deliverable, lateByMs, step: 2, accountability: true },
  public_notice: { kind: 'public_notice', ...unit, ...deliverable, lateByMs, accountability: false },
  digest: {
    kind: 'digest',
    of: 'public_notice',
    day: '2026-04-16',
    items: [
      { kind: 'public_notice', ...unit, ...deliverable, lateByMs, accountability: false },
      {
        kind: 'public_notice',
        ...unit,
        unitName: '东关镇',
        unitId: 'town-east',
        ...deliverable,
        lateByMs,
        accountability: true,
      },
    ],
  },
  phase_approved: { kind: 'phase_approved', phaseId: 'mobilize', phaseName: '宣传发动', by: '王组长' },
  phase_returned: {
    kind: 'phase_returned',
    ...unit,
    phaseId: 'mobilize',
    phaseName: '宣传发动',
    reason: '名单缺少联系人电话',
    newDueAt: '2026-04-16T10:00:00Z',
    by: '王组长',
  },
  deadline_extended: { kind: 'deadline_extended', ...unit, ...deliverable, reason: '清明节假期' },
  case_assigned: { kind: 'case_assigned', ...caseRef, role: '包案领导' },
  case_overdue: { kind: 'case_overdue', ...caseRef, lateByMs, step: 1 },
  closure_returned: { kind: 'closure_returned', ...caseRef, reason: '缺少信访人回访意见' },
  case_transferred: { kind: 'case_transferred', ...caseRef, fromUnitName: '东关镇', reason: '属地管辖' },
  case_escalated: { kind: 'case_escalated', ...caseRef, leaderName: '王副县长', reason: '涉及多部门' },
  case_deadline_extended: {
    kind: 'case_deadline_extended',
    ...caseRef,
    previousDeadline: '2026-06-15T10:00:00Z',
    reason: '需司法鉴定',
  },
  closure_submitted: { kind: 'closure_submitted', ...caseRef },
  case_closed: { kind: 'case_closed', ...caseRef, by: '县信访局' },
  campaign_cancelled: { kind: 'campaign_cancelled', reason: '上级统一部署调整', by: '王组长' },
  duty_due: {
    kind: 'duty_due',
    phaseName: '化解整治',
    title: '化解整治工作督查',
    dutyKind: 'supervision',
    dueAt: '2026-05-29T10:00:00Z',
    overdue: false,
    findings: 2,
  },
  report_ready: {
    kind: 'report_ready',
    scope: 'phase',
    phaseName: '宣传发动',
    files: [{ name: 'petition-2026-mobilize-report.html', ref: `sha256:${'a'.repeat(64)}`, mediaType: 'text/html' }],
  },
  reception_duty: { kind: 'reception_duty', ...reception, daysBefore: 1, leaderName: '赵明' },
  reception_substitute: {
    kind: 'reception_substitute',
    ...reception,
    substituteName: '陈立华',
    rosteredName: '赵明',
    reason: '赴市参加会议',
  },
  reception_missed: { kind: 'reception_missed', ...reception, leaderName: '赵明' },
  reception_summary: {
    kind: 'reception_summary',
    programmeName: '局领导信访接待日',
    period: 'month',
    from: '2026-10-01',
    to: '2026-10-31',
    counts: {
      scheduled: 3,
      held: 1,
      suspended: 1,
      missed: 1,
      substituted: 1,
      visitors: 2,
      answeredOnSpot: 1,
      handedOver: 1,
      casesFiled: 1,
    },
    leaders: [{ name: '陈立华', scheduled: 1, held: 1, missed: 0, substituted: 1 }],
    cases: [
      { date: '2026-10-08', unitName: '区第一中学', title: '教师职称评定', caseId: 'bureau-reception-20261008-2' },
    ],
  },
  assessment_reminder: {
    kind: 'assessment_reminder',
    title: '区级“有效课堂”达标验收',
    assessorName: '韩老师',
    missing: 21,
    dueAt: '2026-10-30T10:00:00Z',
  },
  assessment_overdue: {
    kind: 'assessment_overdue',
    title: '区级“有效课堂”达标验收',
    dueAt: '2026-10-30T10:00:00Z',
    step: 0,
    stepLabel: '评分逾期',
    late: [{ name: '韩老师', missing: 21 }],
  },
  assessment_published: {
    kind: 'assessment_published',
    title: '区级“有效课堂”达标验收',
    approvedBy: '孙局长',
    entrants: 7,
    awards: [{ name: '示范课', entrants: ['方下中学 刘老师'] }],
    vetoes: [{ name: '口镇中学 赵老师', reasons: ['责任追究1次'] }],
    files: [
      { name: 'petition-2026-mobilize-assessment.html', ref: `sha256:${'a'.repeat(64)}`, mediaType: 'text/html' },
    ],
  },
  ranking_notice: {
    kind: 'ranking_notice',
    title: '区级“有效课堂”达标验收',
    period: 'month',
    from: '2026-04-01',
    to: '2026-04-30',
    columns: ['按时上报率'],
    rows: [{ rank: 1, unitName: '方下中学', values: ['按时上报率 100%'] }],
  },
};

/** What each kind's zh subject must say after the campaign prefix. */
export const expectedZhSubjects: Record<NotificationBody['kind'], string> = {
  phase_opened: '宣传发动：请于2026-04-14 18:00前上报 工作小组成员名单',
  due_soon: '宣传发动：请于2026-04-14 18:00前上报 工作小组成员名单',
  overdue: '宣传发动：工作小组成员名单 已逾期（逾期2天3小时）',
  escalation: '督办：城关镇未按时上报 工作小组成员名单（逾期2天3小时）',
  public_notice: '通报：城关镇未按时上报 工作小组成员名单',
  digest: '通报批评（2026-04-16）：2个单位2项材料未按时上报',
  phase_approved: '宣传发动阶段已验收通过',
  phase_returned: '宣传发动：城关镇的材料被退回，请于2026-04-16 18:00前重新上报',
  deadline_extended: '宣传发动：工作小组成员名单 截止时间延至2026-04-14 18:00',
  case_assigned: '案件交办：拆迁补偿纠纷（办结时限2026-06-30 18:00）',
  case_overdue: '案件逾期：拆迁补偿纠纷（逾期2天3小时）',
  closure_returned: '结案报告退回：拆迁补偿纠纷',
  case_transferred: '案件移交：拆迁补偿纠纷（东关镇 → 城关镇）',
  case_escalated: '合力攻坚：拆迁补偿纠纷',
  case_deadline_extended: '办结时限延长：拆迁补偿纠纷（至2026-06-30 18:00）',
  closure_submitted: '结案报告待销号：拆迁补偿纠纷',
  case_closed: '案件已销号：拆迁补偿纠纷',
  campaign_cancelled: '活动已取消',
  report_ready: '宣传发动阶段工作报告已生成',
  duty_due: '督查任务将于2026-05-29 18:00到期：化解整治工作督查',
  reception_duty: '明天（2026-10-08）请您接访：区教育局一楼会议室 08:30–17:30',
  reception_substitute: '补位接访：2026-10-08 由陈立华代赵明接访',
  reception_missed: '接访未登记：2026-10-08 局领导信访接待日（赵明）',
  reception_summary: '每月通报：局领导信访接待日（2026-10-01至2026-10-31）应接访3次，已接访1次，缺岗1次',
  assessment_reminder: '评分提醒：区级“有效课堂”达标验收，请于2026-10-30 18:00前完成评分（尚缺21项）',
  assessment_overdue: '评分逾期：区级“有效课堂”达标验收，1位评委未按时完成评分',
  assessment_published: '结果公布：区级“有效课堂”达标验收（经孙局长审定）',
  ranking_notice: '排名通报（2026-04-01至2026-04-30）：区级“有效课堂”达标验收',
};

export const CAMPAIGN_TITLE = '查隐患、清积案、净环境';

export function requestFor(body: NotificationBody, overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  return {
    id: `petition-2026/${body.kind}/1`,
    campaignId: 'petition-2026',
    campaignTitle: CAMPAIGN_TITLE,
    rehearsal: false,
    locale: 'zh',
    timeZone: 'Asia/Shanghai',
    at: '2026-04-12T01:00:00Z',
    to: [unitHead, office],
    body,
    ...overrides,
  };
}
