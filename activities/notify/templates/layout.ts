import type { NotificationBody, NotificationRequest, Recipient } from '../../../domain/notifications/notification';
import { escapeHtml, formatPlanTime, pick } from './format';
import type { Locale } from './format';

/**
 * Templates describe a message as blocks of plain strings; this layout alone turns them into
 * text and HTML. Keeping markup out of the templates means there is exactly one place that
 * escapes, so a unit named "<b>" can never inject markup into the office's mail.
 */
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'facts'; rows: ReadonlyArray<readonly [label: string, value: string]> }
  | { type: 'list'; title?: string; items: readonly string[] };

export interface MessageContent {
  /** The subject after the campaign prefix, e.g. "宣传发动：请于2026-04-14 18:00前上报 工作小组成员名单". */
  subject: string;
  blocks: readonly Block[];
}

export interface TemplateContext {
  locale: Locale;
  timeZone: string;
  recipient: Recipient;
  /** Formats an instant in the plan's time zone. */
  time: (instant: string) => string;
  /** Chooses the zh or en text. */
  t: (zh: string, en: string) => string;
}

export type Template<K extends NotificationBody['kind']> = (
  body: Extract<NotificationBody, { kind: K }>,
  ctx: TemplateContext,
) => MessageContent;

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export function contextFor(request: NotificationRequest, recipient: Recipient): TemplateContext {
  return {
    locale: request.locale,
    timeZone: request.timeZone,
    recipient,
    time: (instant) => formatPlanTime(instant, request.timeZone),
    t: (zh, en) => pick(request.locale, zh, en),
  };
}

export function layout(content: MessageContent, request: NotificationRequest, recipient: Recipient): RenderedMessage {
  const { locale } = request;
  const rehearsalLabel = pick(locale, '【演练】', '[REHEARSAL] ');
  const campaignLabel = pick(locale, `【${request.campaignTitle}】`, `[${request.campaignTitle}] `);
  const subject = `${request.rehearsal ? rehearsalLabel : ''}${campaignLabel}${content.subject}`;
  const greeting = pick(locale, `${recipient.name}：`, `Dear ${recipient.name},`);
  const planTime = formatPlanTime(request.at, request.timeZone);
  const rehearsalNotice = pick(
    locale,
    `【演练】这是一次演练发出的消息（计划时间 ${planTime}），无需实际办理。`,
    `[REHEARSAL] This message comes from a rehearsal (plan time ${planTime}); no action is required.`,
  );
  const signature = pick(
    locale,
    `${request.campaignTitle} 领导小组办公室`,
    `Campaign office, ${request.campaignTitle}`,
  );
  const blocks: Block[] = [
    ...(request.rehearsal ? [{ type: 'paragraph' as const, text: rehearsalNotice }] : []),
    { type: 'paragraph', text: greeting },
    ...content.blocks,
    { type: 'paragraph', text: `—— ${signature}` },
  ];
  return {
    subject,
    text: blocks.map((block) => blockText(block, locale)).join('\n\n') + '\n',
    html: htmlDocument(subject, blocks, locale),
  };
}

function blockText(block: Block, locale: Locale): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'facts':
      return block.rows.map(([label, value]) => `${label}${pick(locale, '：', ': ')}${value}`).join('\n');
    case 'list':
      return [...(block.title === undefined ? [] : [block.title]), ...block.items.map((item) => `  - ${item}`)].join(
        '\n',
      );
  }
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'facts': {
      const rows = block.rows
        .map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
        .join('');
      return `<table cellpadding="4">${rows}</table>`;
    }
    case 'list': {
      const title = block.title === undefined ? '' : `<p>${escapeHtml(block.title)}</p>`;
      return `${title}<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    }
  }
}

function htmlDocument(subject: string, blocks: readonly Block[], locale: Locale): string {
  const lang = pick(locale, 'zh-CN', 'en');
  return [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    ...blocks.map(blockHtml),
    '</body></html>',
    '',
  ].join('\n');
}
