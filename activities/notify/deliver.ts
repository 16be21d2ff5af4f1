import { ApplicationFailure } from '@temporalio/activity';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { MailConfig } from '../../config/mail-config';
import { factsOfBody } from '../../domain/notifications/digest-items';
import { NotificationRequestSchema } from '../../domain/notifications/notification';
import type { NotificationRequest, Recipient } from '../../domain/notifications/notification';
import { messageIdFor, messageKey } from './delivery-log';
import type { DeliveryLog, DeliveryRecord } from './delivery-log';
import type { NotificationLogEntry } from './notification-log';
import { buildEml } from './outbox';
import { createFolderNotificationLog } from '../../stores/folder/folder-logs';
import { createFolderOutbox } from '../../stores/folder/folder-outbox';
import type { NotificationLog, Outbox } from '../../stores/types';
import { formatPlanTime, renderNotification } from './templates';
import type { RenderedMessage } from './templates';

/** a***@example.org: enough to tell mails apart in a log, not enough to know who they went to. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** Ids only (unit, report, due time, step): lets a reader, or a test, count what each mail told. */
function factsHeader(request: NotificationRequest): Record<string, string> {
  const facts = factsOfBody(request.body);
  return facts.length === 0 ? {} : { 'X-Campaign-Facts': facts.join(' ') };
}

export interface NotifyDependencies {
  mailConfig: MailConfig;
  deliveryLog: DeliveryLog;
  /** Who was told what; default the JSON-lines files in the data folder (stores/ has the shared one). */
  notificationLog?: NotificationLog;
  /** Where unsent mail goes without SMTP; default `mailConfig.outboxDir`. */
  outbox?: Outbox;
  /** A nodemailer transport; default: one built from `mailConfig.smtpUrl`, or the outbox when there is none. */
  transport?: Transporter;
  /** Where the outbox line goes; default console.log (the worker's output). */
  log?: (line: string) => void;
  /**
   * Whether that line names the recipient and the subject (which carries case titles). Off by
   * default: worker logs are collected and kept far more widely than the outbox; `--debug` turns it on.
   */
  logPersonalData?: boolean;
  /** Wall clock for records; tests may pin it. */
  now?: () => Date;
}

export type DeliveryStatus = 'delivered' | 'failed' | 'already-delivered' | 'outbox';

export interface RecipientResult {
  email: string;
  status: DeliveryStatus;
  messageId: string;
  error?: string;
}

export interface SendNotificationResult {
  results: RecipientResult[];
}

export interface SendNotificationsResult {
  notifications: Array<{ id: string; results: RecipientResult[] }>;
}

/** A batch is a non-empty list; each request in it is checked on its own, so one bad request spoils none of the others. */
const NotificationBatchSchema = z.array(z.unknown()).min(1);

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('; ');
}

function invalidRequests(problems: string[]): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `invalid notification request: ${problems.join(' | ')}`,
    'InvalidNotificationRequest',
    problems,
  );
}

function transientFailure(transient: string[], recipients: number): ApplicationFailure {
  return ApplicationFailure.retryable(
    `mail to ${transient.length} of ${recipients} recipients failed for now (${transient.join('; ')})`,
    'MailTransientFailure',
  );
}

/** A retry can help (the server or network is down for now) or it cannot (the server refused this message). */
export type SmtpFailureKind = 'transient' | 'permanent';

const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EDNS',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETLS',
]);

export function classifySmtpError(error: unknown): SmtpFailureKind {
  if (typeof error !== 'object' || error === null) return 'permanent';
  const responseCode = 'responseCode' in error ? error.responseCode : undefined;
  if (typeof responseCode === 'number') return responseCode >= 400 && responseCode < 500 ? 'transient' : 'permanent';
  const code = 'code' in error ? error.code : undefined;
  return typeof code === 'string' && TRANSIENT_CODES.has(code) ? 'transient' : 'permanent';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function defaultTransport(config: MailConfig): Transporter | undefined {
  if (config.smtpUrl === undefined) return undefined;
  // Shorter than nodemailer's minutes-long defaults, so a hung server fails the attempt well
  // inside the activity's start-to-close timeout and the retry policy takes over.
  return nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}

export function createNotifyActivities(deps: NotifyDependencies) {
  const { mailConfig, deliveryLog } = deps;
  const transport = deps.transport ?? defaultTransport(mailConfig);
  const log = deps.log ?? ((line: string) => console.log(line));
  const now = deps.now ?? (() => new Date());
  const notificationLog = deps.notificationLog ?? createFolderNotificationLog({ dataDir: mailConfig.dataDir });
  const outbox = deps.outbox ?? createFolderOutbox({ outboxDir: mailConfig.outboxDir });

  async function record(
    request: NotificationRequest,
    recipient: Recipient,
    message: RenderedMessage,
    outcome: Pick<DeliveryRecord, 'messageId' | 'status' | 'error' | 'file'>,
  ): Promise<void> {
    const recordedAt = now().toISOString();
    await deliveryLog.put({
      ...outcome,
      requestId: request.id,
      campaignId: request.campaignId,
      email: recipient.email,
      recordedAt,
      subject: message.subject,
    });
    await logEntry(request, recipient, message, { ...outcome, sentAt: recordedAt });
  }

  async function logEntry(
    request: NotificationRequest,
    recipient: Recipient,
    message: RenderedMessage,
    outcome: Pick<NotificationLogEntry, 'messageId' | 'status' | 'error' | 'file' | 'sentAt'>,
  ): Promise<void> {
    await notificationLog.append(request.campaignId, {
      requestId: request.id,
      kind: request.body.kind,
      at: request.at,
      rehearsal: request.rehearsal,
      name: recipient.name,
      email: recipient.email,
      ...(recipient.role === undefined ? {} : { role: recipient.role }),
      subject: message.subject,
      ...outcome,
    });
  }

  function mailFor(request: NotificationRequest, recipient: Recipient, message: RenderedMessage): Mail.Options {
    return {
      from: mailConfig.from,
      to: { name: recipient.name, address: recipient.email },
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: messageIdFor(request.id, recipient.email),
      headers: {
        'X-Campaign-Id': request.campaignId,
        'X-Campaign-Notification': request.body.kind === 'digest' ? `digest:${request.body.of}` : request.body.kind,
        ...factsHeader(request),
        ...(request.rehearsal ? { 'X-Campaign-Rehearsal': 'yes' } : {}),
      },
    };
  }

  /** Delivers to one recipient; returns its result, or the error when a retry could succeed. */
  async function deliverOne(
    request: NotificationRequest,
    recipient: Recipient,
  ): Promise<RecipientResult | { transient: string }> {
    const messageId = messageIdFor(request.id, recipient.email);
    const previous = await deliveryLog.get(request.campaignId, messageId);
    if (previous !== undefined) {
      // A permanent failure stays failed: resending would only bounce again.
      return previous.status === 'failed'
        ? { email: recipient.email, status: 'failed', messageId, ...(previous.error ? { error: previous.error } : {}) }
        : { email: recipient.email, status: 'already-delivered', messageId };
    }
    const message = renderNotification(request, recipient);
    const mail = mailFor(request, recipient, message);
    if (transport === undefined) {
      const stamp = formatPlanTime(request.at, request.timeZone).replace(/[-:]/g, '').replace(' ', '-');
      const baseName = `${stamp}-${request.body.kind}-${messageKey(request.id, recipient.email).slice(0, 12)}`;
      const file = await outbox.write(request.campaignId, baseName, await buildEml(mail));
      await record(request, recipient, message, { messageId, status: 'outbox', file });
      log(
        deps.logPersonalData === true
          ? `outbox: ${file} (${message.subject}) → ${recipient.email}`
          : `outbox: ${file} → ${maskEmail(recipient.email)}`,
      );
      return { email: recipient.email, status: 'outbox', messageId };
    }
    try {
      await transport.sendMail(mail);
    } catch (error) {
      const reason = describe(error);
      if (classifySmtpError(error) === 'transient') {
        await logEntry(request, recipient, message, {
          messageId,
          status: 'deferred',
          error: reason,
          sentAt: now().toISOString(),
        });
        return { transient: reason };
      }
      await record(request, recipient, message, { messageId, status: 'failed', error: reason });
      return { email: recipient.email, status: 'failed', messageId, error: reason };
    }
    await record(request, recipient, message, { messageId, status: 'delivered' });
    return { email: recipient.email, status: 'delivered', messageId };
  }

  /** Delivers to every recipient of one request; the transient failures come back for a retry. */
  async function deliverAll(
    request: NotificationRequest,
  ): Promise<{ results: RecipientResult[]; transient: string[] }> {
    const results: RecipientResult[] = [];
    const transient: string[] = [];
    for (const recipient of request.to) {
      const outcome = await deliverOne(request, recipient);
      if ('transient' in outcome) transient.push(`${recipient.email}: ${outcome.transient}`);
      else results.push(outcome);
    }
    return { results, transient };
  }

  /**
   * Tells every recipient once. Transient failures throw a retryable failure after the other
   * recipients were tried, so the retry only reaches the ones still missing; permanent failures
   * are recorded and returned, because a mail problem must never stall a campaign.
   */
  async function sendNotification(input: NotificationRequest): Promise<SendNotificationResult> {
    const parsed = NotificationRequestSchema.safeParse(input);
    if (!parsed.success) throw invalidRequests([describeIssues(parsed.error.issues)]);
    const request = parsed.data;
    const { results, transient } = await deliverAll(request);
    if (transient.length > 0) throw transientFailure(transient, request.to.length);
    return { results };
  }

  /**
   * Several notifications in one activity, so a unit that files ten cases tells its people in one
   * task instead of twenty. Every valid request is tried before anything is thrown: a transient
   * failure retries the batch (the delivery log skips whoever already has their message), and an
   * invalid request fails the batch without a retry only after the valid ones were delivered.
   */
  async function sendNotifications(input: NotificationRequest[]): Promise<SendNotificationsResult> {
    const batch = NotificationBatchSchema.safeParse(input);
    if (!batch.success) throw invalidRequests([describeIssues(batch.error.issues)]);
    const notifications: SendNotificationsResult['notifications'] = [];
    const invalid: string[] = [];
    const transient: string[] = [];
    let recipients = 0;
    for (const [index, raw] of batch.data.entries()) {
      const parsed = NotificationRequestSchema.safeParse(raw);
      if (!parsed.success) {
        invalid.push(`[${index}] ${describeIssues(parsed.error.issues)}`);
        continue;
      }
      const delivered = await deliverAll(parsed.data);
      recipients += parsed.data.to.length;
      transient.push(...delivered.transient);
      notifications.push({ id: parsed.data.id, results: delivered.results });
    }
    if (transient.length > 0) throw transientFailure(transient, recipients);
    if (invalid.length > 0) throw invalidRequests(invalid);
    return { notifications };
  }

  return { sendNotification, sendNotifications };
}
