import type { Template, TemplateContext } from './layout';

/** Messages to the whole campaign: a phase opens, is approved or returned, a report, cancellation. */

export const phaseOpened: Template<'phase_opened'> = (body, ctx) => {
  const window =
    body.windowEnd === undefined
      ? ctx.time(body.windowStart)
      : `${ctx.time(body.windowStart)} – ${ctx.time(body.windowEnd)}`;
  const only = body.owed.length === 1 ? body.owed[0] : undefined;
  // With a single deliverable the subject says exactly what is owed and by when, as the plans do
  // ("小组成员名单于4月14日前上报"); otherwise it says how many.
  const subject =
    only !== undefined
      ? ctx.t(
          `${body.phaseName}：请于${ctx.time(only.dueAt)}前上报 ${only.deliverableTitle}`,
          `${body.phaseName}: please submit ${only.deliverableTitle} by ${ctx.time(only.dueAt)}`,
        )
      : body.owed.length === 0
        ? ctx.t(`${body.phaseName}阶段开始`, `${body.phaseName} has begun`)
        : ctx.t(
            `${body.phaseName}阶段开始：请按时上报${body.owed.length}项材料`,
            `${body.phaseName} has begun: ${body.owed.length} deliverables are due`,
          );
  return {
    subject,
    blocks: [
      {
        type: 'paragraph',
        text: ctx.t(
          `${body.phaseName}阶段现已开始（${window}）。`,
          `The phase ${body.phaseName} has begun (${window}).`,
        ),
      },
      ...(body.owed.length === 0
        ? []
        : [
            {
              type: 'list' as const,
              title: ctx.t('本阶段需上报：', 'Due in this phase:'),
              items: body.owed.map((item) =>
                ctx.t(
                  `${item.deliverableTitle}：${ctx.time(item.dueAt)}前`,
                  `${item.deliverableTitle}: by ${ctx.time(item.dueAt)}`,
                ),
              ),
            },
          ]),
    ],
  };
};

export const phaseApproved: Template<'phase_approved'> = (body, ctx) => ({
  subject: ctx.t(`${body.phaseName}阶段已验收通过`, `${body.phaseName} approved`),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `${body.phaseName}阶段工作已由${body.by}验收通过。`,
        `The phase ${body.phaseName} was approved by ${body.by}.`,
      ),
    },
  ],
});

export const phaseReturned: Template<'phase_returned'> = (body, ctx) => {
  const due = ctx.time(body.newDueAt);
  return {
    subject: ctx.t(
      `${body.phaseName}：${body.unitName}的材料被退回，请于${due}前重新上报`,
      `${body.phaseName}: ${body.unitName}'s submission was returned; resubmit by ${due}`,
    ),
    blocks: [
      {
        type: 'paragraph',
        text: ctx.t(
          `${body.by}退回了${body.unitName}在${body.phaseName}阶段上报的材料，请按意见修改后于${due}前重新上报。`,
          `${body.by} returned ${body.unitName}'s submission for ${body.phaseName}; please revise it and resubmit by ${due}.`,
        ),
      },
      {
        type: 'facts',
        rows: [
          ...(body.deliverableTitles
            ? [[ctx.t('退回材料', 'Returned'), body.deliverableTitles.join(ctx.t('、', ', '))] as [string, string]]
            : []),
          [ctx.t('退回理由', 'Reason'), body.reason],
          [ctx.t('重新上报截止', 'Resubmit by'), due],
        ],
      },
    ],
  };
};

export const campaignCancelled: Template<'campaign_cancelled'> = (body, ctx) => ({
  subject: ctx.t('活动已取消', 'Campaign cancelled'),
  blocks: [
    {
      type: 'paragraph',
      text: ctx.t(
        `本次活动已由${body.by}取消，尚未完成的上报事项无需再办理。`,
        `The campaign was cancelled by ${body.by}; outstanding deliverables are no longer due.`,
      ),
    },
    { type: 'facts', rows: [[ctx.t('取消原因', 'Reason'), body.reason]] },
  ],
});

export const reportReady: Template<'report_ready'> = (body, ctx) => {
  const phase = body.phaseName;
  const revision = body.revision;
  const subject =
    body.scope === 'phase' && phase !== undefined
      ? revision !== undefined
        ? ctx.t(`${phase}阶段工作报告已更新（第${revision}版）`, `Report revised: ${phase} (revision ${revision})`)
        : ctx.t(`${phase}阶段工作报告已生成`, `Report ready: ${phase}`)
      : ctx.t('活动总结报告已生成', 'Campaign report ready');
  return {
    subject,
    blocks: [
      ...(revision === undefined
        ? []
        : [
            {
              type: 'paragraph' as const,
              text: ctx.t(
                `阶段报告生成后又收到上报材料，现重新生成第${revision}版，取代第${revision - 1}版及以前各版，以本版为准。`,
                `Reports arrived after the phase report was compiled: this is revision ${revision}, which replaces revision ${revision - 1} and earlier and is the current one.`,
              ),
            },
          ]),
      {
        type: 'paragraph',
        text: ctx.t(
          '工作报告已生成，可通过命令行按引用下载以下文件：',
          'The report has been compiled; the files below can be fetched from the CLI by reference:',
        ),
      },
      {
        type: 'list',
        items: body.files.map((file) => `${file.name}（${formatName(file.mediaType, ctx)}）${file.ref}`),
      },
    ],
  };
};

const FORMAT_NAMES: Record<string, [zh: string, en: string]> = {
  'text/html': ['网页', 'HTML'],
  'text/markdown': ['文本', 'Markdown'],
  'text/csv': ['表格', 'CSV'],
};

/** A file's format in the mail's language; a zh mail never shows a bare media type. */
function formatName(mediaType: string, ctx: TemplateContext): string {
  const names = FORMAT_NAMES[mediaType];
  return names ? ctx.t(...names) : mediaType;
}

const DUTY_KINDS: Record<string, [zh: string, en: string]> = {
  supervision: ['督查', 'supervision'],
  'unannounced-check': ['暗查', 'unannounced check'],
  'spot-check': ['抽查', 'spot check'],
  inspection: ['检查', 'inspection'],
};

/** A duty of the office or a supervision team (督查, 暗查): due tomorrow, or a day past due and not done. */
export const dutyDue: Template<'duty_due'> = (body, ctx) => {
  const kind = ctx.t(...(DUTY_KINDS[body.dutyKind] ?? ['督查', 'supervision']));
  const due = ctx.time(body.dueAt);
  return {
    subject: body.overdue
      ? ctx.t(`${kind}任务逾期未办结：${body.title}`, `Overdue ${kind}: ${body.title}`)
      : ctx.t(`${kind}任务将于${due}到期：${body.title}`, `${kind} due ${due}: ${body.title}`),
    blocks: [
      {
        type: 'paragraph',
        text: body.overdue
          ? ctx.t(
              `${body.phaseName}阶段的“${body.title}”应于${due}前办结，目前尚未办结。请记录发现问题并办结。`,
              `"${body.title}" in ${body.phaseName} was due by ${due} and is not done yet. Please record the findings and close it.`,
            )
          : ctx.t(
              `${body.phaseName}阶段的“${body.title}”将于${due}到期，请按时开展并记录发现问题。`,
              `"${body.title}" in ${body.phaseName} is due by ${due}; please carry it out and record the findings.`,
            ),
      },
      { type: 'facts', rows: [[ctx.t('已记录发现问题', 'Findings recorded'), String(body.findings)]] },
    ],
  };
};
