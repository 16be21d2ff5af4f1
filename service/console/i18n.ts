/**
 * Every word the console shows, Chinese first with its English beside it. A page asks `t(lang)`
 * for its words; a missing key is a type error, so the two languages never drift apart.
 */
export type Lang = 'zh' | 'en';

const WORDS = {
  appName: ['专项工作调度平台', 'Campaign console'],
  signIn: ['登录', 'Sign in'],
  signOut: ['退出', 'Sign out'],
  signInIntro: [
    '请上传或粘贴本人的登录凭证文件（启动工作时下发的 .credential.json）。',
    'Upload or paste your credential file (the .credential.json issued when the campaign started).',
  ],
  credentialFile: ['凭证文件', 'Credential file'],
  credentialText: ['或粘贴凭证内容', 'or paste its content'],
  signInRefused: ['登录失败', 'Sign-in refused'],
  language: ['English', '中文'],
  published: ['数据发布于', 'Figures published'],
  planTime: ['计划时间', 'plan time'],
  rehearsal: ['演练', 'rehearsal'],
  paused: ['已暂停', 'paused'],
  campaign: ['专项工作', 'Campaign'],
  status: ['状态', 'Status'],
  running: ['进行中', 'running'],
  completed: ['已完成', 'completed'],
  cancelled: ['已取消', 'cancelled'],
  currentPhase: ['当前阶段', 'Current phase'],
  awaitingApproval: ['待审批', 'awaiting approval'],
  none: ['无', 'none'],
  timeline: ['阶段进度', 'Phases'],
  today: ['今天', 'today'],
  phasePending: ['未开始', 'not started'],
  phaseOpen: ['进行中', 'open'],
  phaseClosed: ['已结束', 'closed'],
  grid: ['各单位报送情况', 'Reports by unit'],
  gridUnavailable: [
    '暂时无法读取各单位明细（工作进程未响应），以上为已发布数据。',
    'Unit details cannot be read now (no worker answers); the figures above are the published ones.',
  ],
  unit: ['单位', 'Unit'],
  green: ['按时', 'on time'],
  yellow: ['即将到期', 'due soon'],
  red: ['逾期', 'overdue'],
  grey: ['未到期', 'not yet due'],
  stateOnTime: ['按时报送', 'on time'],
  stateLate: ['迟报', 'late'],
  stateOverdue: ['逾期未报', 'overdue'],
  stateMissing: ['缺报', 'missing'],
  stateOpen: ['待报送', 'open'],
  escalationStep: ['督办级别', 'escalation step'],
  marks: ['问责标记', 'accountability marks'],
  totals: ['报送总数', 'Reports'],
  owed: ['应报', 'owed'],
  onTime: ['按时', 'on time'],
  late: ['迟报', 'late'],
  overdue: ['逾期', 'overdue'],
  missing: ['缺报', 'missing'],
  whoIsLate: ['逾期情况', 'Who is late'],
  nobodyLate: ['目前没有逾期。', 'Nobody is overdue.'],
  deliverable: ['报送事项', 'Deliverable'],
  due: ['截止时间', 'Due'],
  lateBy: ['逾期', 'Late by'],
  timeLeft: ['剩余时间', 'Time left'],
  step: ['督办', 'Step'],
  cases: ['案件', 'Cases'],
  casesByUnit: ['各单位案件与办结率', 'Cases and closure rate by unit'],
  filed: ['受理', 'filed'],
  open: ['在办', 'open'],
  closed: ['办结', 'closed'],
  closureRate: ['办结率', 'closure rate'],
  noCases: ['尚无案件。', 'No cases yet.'],
  decide: ['阶段审批', 'Phase decision'],
  approve: ['批准', 'Approve'],
  returnPhase: ['退回', 'Return'],
  comment: ['批示（可选）', 'Comment (optional)'],
  reason: ['退回理由', 'Reason'],
  newDue: ['新的截止日期', 'New due date'],
  phase: ['阶段', 'Phase'],
  done: ['已办理', 'Done'],
  refused: ['未办理', 'Refused'],
  noDecision: ['当前没有待审批的阶段。', 'No phase awaits a decision.'],
  whatWeOwe: ['本单位待报事项', 'What we owe'],
  nothingOwed: ['目前没有需要报送的事项。', 'Nothing is owed now.'],
  submit: ['报送', 'Submit'],
  submitReport: ['报送材料', 'Submit a report'],
  files: ['附件', 'Files'],
  note: ['说明（可选）', 'Note (optional)'],
  submittedAt: ['报送时间', 'Submitted'],
  ourCases: ['本单位案件', 'Our cases'],
  caseId: ['编号', 'No.'],
  caseTitle: ['事项', 'Matter'],
  caseStatus: ['状态', 'Status'],
  caseDue: ['办结时限', 'Due'],
  forbidden: ['无权查看此页面', 'You may not open this page'],
  forbiddenText: [
    '每个单位只能查看本单位的页面。此次访问已记入审计日志。',
    'A unit sees its own page only. This attempt is in the audit log.',
  ],
  notFound: ['未找到', 'Not found'],
  office: ['工作专班', 'Office'],
  leader: ['领导', 'Leader'],
  refreshing: ['每15秒自动刷新', 'refreshes every 15 s'],
  home: ['首页', 'Home'],
  overdueCount: ['逾期事项', 'overdue reports'],
  unitsLate: ['个单位', 'units'],
  nextDeadlines: ['临近截止', 'Next deadlines'],
  unitPages: ['各单位页面', 'Unit pages'],
  whatWeSent: ['报送与通知记录', 'What we sent and were told'],
} as const satisfies Record<string, readonly [string, string]>;

export type WordKey = keyof typeof WORDS;
export type Words = Record<WordKey, string>;

const tables: Record<Lang, Words> = {
  zh: Object.fromEntries(Object.entries(WORDS).map(([k, v]) => [k, v[0]])) as Words,
  en: Object.fromEntries(Object.entries(WORDS).map(([k, v]) => [k, v[1]])) as Words,
};

export const t = (lang: Lang): Words => tables[lang];

/** `?lang=` wins over the cookie, which wins over Chinese. */
export function pickLang(query: unknown, cookie: unknown): Lang {
  if (query === 'en' || query === 'zh') return query;
  return cookie === 'en' ? 'en' : 'zh';
}
