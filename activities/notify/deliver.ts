import path from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { MailConfig } from '../../config/mail-config';
import { NotificationRequestSchema } from '../../domain/notifications/notification';
import type { NotificationRequest, Recipient } from '../../domain/notifications/notification';
import { messageIdFor, messageKey, pathSegment } from './delivery-log';
import type { DeliveryLog, DeliveryRecord } from './delivery-log';
import { appendNotificationLog } from './notification-log';
import type { NotificationLogEntry } from './notification-log';
import { writeOutboxMessage } from './outbox';
import { formatPlanTime, renderNotification } from './templates';
import type { RenderedMessage } from './templates';

export interface NotifyDependencies {
  mailConfig: MailConfig;
  deliveryLog: DeliveryLog;
  /** A nodemailer transport; default: one built from `mailConfig.smtpUrl`, or the outbox when there is none. */
  transport?: Transporter;
  /** Where the outbox line goes; default console.log (the worker's output). */
  log?: (line: string) => void;
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
    await appendNotificationLog(
      request.campaignId,
      {
        requestId: request.id,
        kind: request.body.kind,
        at: request.at,
        rehearsal: request.rehearsal,
        name: recipient.name,
        email: recipient.email,
        ...(recipient.role === undefined ? {} : { role: recipient.role }),
        subject: message.subject,
        ...outcome,
      },
      { dataDir: mailConfig.dataDir },
    );
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
        'X-Campaign-Notification': request.body.kind,
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
      const file = await writeOutboxMessage(path.join(mailConfig.outboxDir, pathSegment(request.campaignId)), {
        mail,
        baseName,
      });
      await record(request, recipient, message, { messageId, status: 'outbox', file });
      log(`outbox: ${file} (${message.subject}) → ${recipient.email}`);
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

  /**
   * Tells every recipient once. Transient failures throw a retryable failure after the other
   * recipients were tried, so the retry only reaches the ones still missing; permanent failures
   * are recorded and returned, because a mail problem must never stall a campaign.
   */
  async function sendNotification(input: NotificationRequest): Promise<SendNotificationResult> {
    const parsed = NotificationRequestSchema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
      throw ApplicationFailure.nonRetryable(
        `invalid notification request: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        'InvalidNotificationRequest',
        issues,
      );
    }
    const request = parsed.data;
    const results: RecipientResult[] = [];
    const transient: string[] = [];
    for (const recipient of request.to) {
      const outcome = await deliverOne(request, recipient);
      if ('transient' in outcome) transient.push(`${recipient.email}: ${outcome.transient}`);
      else results.push(outcome);
    }
    if (transient.length > 0) {
      throw ApplicationFailure.retryable(
        `mail to ${transient.length} of ${request.to.length} recipients failed for now (${transient.join('; ')})`,
        'MailTransientFailure',
      );
    }
    return { results };
  }

  return { sendNotification };
}
