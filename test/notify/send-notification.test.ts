import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MailConfig } from '../../config/mail-config';
import type { NotificationBody } from '../../domain/notifications/notification';
import {
  createFileDeliveryLog,
  createNotifyActivities,
  messageIdFor,
  readNotificationLog,
} from '../../activities/notify';
import { CAMPAIGN_TITLE, expectedZhSubjects, office, requestFor, sampleBodies, unitHead } from './fixtures';
import { parseMail } from './parse-mail';
import { loopbackTransport, startDroppingProxy, startSmtpServer } from './smtp-harness';
import type { TestSmtpServer } from './smtp-harness';

let dataDir: string;
let smtp: TestSmtpServer | undefined;
const cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'notify-'));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await smtp?.close();
  smtp = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

function mailConfig(smtpUrl?: string): MailConfig {
  return {
    ...(smtpUrl === undefined ? {} : { smtpUrl }),
    from: 'Campaign Office <campaign@county.example>',
    dataDir,
    outboxDir: path.join(dataDir, 'outbox'),
  };
}

function activitiesFor(port: number) {
  const transport = loopbackTransport(port);
  cleanups.push(() => {
    transport.close();
    return Promise.resolve();
  });
  return createNotifyActivities({
    mailConfig: mailConfig(),
    deliveryLog: createFileDeliveryLog({ dataDir }),
    transport,
    log: () => undefined,
  });
}

const kinds = Object.keys(sampleBodies) as Array<NotificationBody['kind']>;

describe('sendNotification over SMTP', () => {
  it.each(kinds)('mails every recipient of %s their own message', async (kind) => {
    smtp = await startSmtpServer();
    const { sendNotification } = activitiesFor(smtp.port);
    const request = requestFor(sampleBodies[kind]);
    const { results } = await sendNotification(request);

    expect(results.map((result) => [result.email, result.status])).toEqual([
      [unitHead.email, 'delivered'],
      [office.email, 'delivered'],
    ]);
    expect(smtp.received.map((mail) => mail.to)).toEqual([[unitHead.email], [office.email]]);
    for (const [index, recipient] of [unitHead, office].entries()) {
      const mail = parseMail(smtp.received[index]?.raw ?? '');
      expect(mail.subject).toBe(`【${CAMPAIGN_TITLE}】${expectedZhSubjects[kind]}`);
      expect(mail.headers.get('message-id')).toBe(messageIdFor(request.id, recipient.email));
      expect(mail.text).toContain(`${recipient.name}：`);
      expect(mail.html).toContain(`<p>${recipient.name}：</p>`);
    }
  });

  it('labels a rehearsal in the delivered subject and body', async () => {
    smtp = await startSmtpServer();
    const { sendNotification } = activitiesFor(smtp.port);
    await sendNotification(requestFor(sampleBodies.overdue, { rehearsal: true, locale: 'en', to: [unitHead] }));
    const mail = parseMail(smtp.received[0]?.raw ?? '');
    expect(mail.subject).toBe(
      `[REHEARSAL] [${CAMPAIGN_TITLE}] 宣传发动: 工作小组成员名单 is overdue (2 days 3 hours late)`,
    );
    expect(mail.text).toContain('[REHEARSAL]');
    expect(mail.headers.get('x-campaign-rehearsal')).toBe('yes');
  });

  it('delivers exactly once when the connection drops mid-send and the activity is retried', async () => {
    smtp = await startSmtpServer();
    const proxy = await startDroppingProxy(smtp.port, 1);
    cleanups.push(() => proxy.close());
    const { sendNotification } = activitiesFor(proxy.port);
    const request = requestFor(sampleBodies.due_soon, { to: [unitHead] });

    const failure = await sendNotification(request).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'MailTransientFailure', nonRetryable: false });
    expect(proxy.dropped).toBe(1);
    expect(smtp.received).toHaveLength(0);

    const retry = await sendNotification(request);
    expect(retry.results).toEqual([
      { email: unitHead.email, status: 'delivered', messageId: messageIdFor(request.id, unitHead.email) },
    ]);
    const again = await sendNotification(request);
    expect(again.results[0]?.status).toBe('already-delivered');
    expect(smtp.received).toHaveLength(1);

    const log = await readNotificationLog(request.campaignId, { dataDir });
    expect(log.map((entry) => entry.status)).toEqual(['deferred', 'delivered']);
    expect(log[0]?.error).toMatch(/connection closed/i);
  });

  it('retries only the recipients a transient failure missed', async () => {
    let refusals = 0;
    smtp = await startSmtpServer({
      reject: (to) =>
        to.includes(office.email) && refusals++ === 0 ? { code: 451, message: 'try again later' } : undefined,
    });
    const { sendNotification } = activitiesFor(smtp.port);
    const request = requestFor(sampleBodies.escalation);

    await expect(sendNotification(request)).rejects.toMatchObject({ type: 'MailTransientFailure' });
    expect(smtp.received.map((mail) => mail.to)).toEqual([[unitHead.email]]);
    const { results } = await sendNotification(request);
    expect(results.map((result) => result.status)).toEqual(['already-delivered', 'delivered']);
    expect(smtp.received.map((mail) => mail.to)).toEqual([[unitHead.email], [office.email]]);
  });

  it('records a 5xx refusal as failed and returns normally, and never resends it', async () => {
    smtp = await startSmtpServer({
      reject: (to) => (to.includes(office.email) ? { code: 550, message: 'mailbox unavailable' } : undefined),
    });
    const { sendNotification } = activitiesFor(smtp.port);
    const request = requestFor(sampleBodies.public_notice);

    const { results } = await sendNotification(request);
    expect(results[0]).toMatchObject({ email: unitHead.email, status: 'delivered' });
    expect(results[1]).toMatchObject({ email: office.email, status: 'failed' });
    expect(results[1]?.error).toContain('mailbox unavailable');

    const again = await sendNotification(request);
    expect(again.results.map((result) => result.status)).toEqual(['already-delivered', 'failed']);
    expect(smtp.received).toHaveLength(1);

    const log = await readNotificationLog(request.campaignId, { dataDir });
    expect(log.map((entry) => [entry.email, entry.kind, entry.status])).toEqual([
      [unitHead.email, 'public_notice', 'delivered'],
      [office.email, 'public_notice', 'failed'],
    ]);
  });

  it('throws a retryable failure while the server refuses connections', async () => {
    const closed = await startSmtpServer();
    const port = closed.port;
    await closed.close();
    const { sendNotification } = activitiesFor(port);
    await expect(sendNotification(requestFor(sampleBodies.due_soon))).rejects.toMatchObject({
      type: 'MailTransientFailure',
      nonRetryable: false,
    });
  });

  it('sends through the server named by SMTP_URL when no transport is given', async () => {
    smtp = await startSmtpServer();
    const { sendNotification } = createNotifyActivities({
      mailConfig: mailConfig(`smtp://127.0.0.1:${smtp.port}`),
      deliveryLog: createFileDeliveryLog({ dataDir }),
    });
    const { results } = await sendNotification(requestFor(sampleBodies.phase_approved, { to: [office] }));
    expect(results[0]?.status).toBe('delivered');
    expect(smtp.received[0]?.from).toBe('campaign@county.example');
  });

  it('rejects an invalid request with a non-retryable failure before sending anything', async () => {
    smtp = await startSmtpServer();
    const { sendNotification } = activitiesFor(smtp.port);
    const bad = { ...requestFor(sampleBodies.due_soon), to: [{ name: 'x', email: 'not-an-address' }] };
    await expect(sendNotification(bad)).rejects.toMatchObject({
      type: 'InvalidNotificationRequest',
      nonRetryable: true,
    });
    expect(smtp.received).toHaveLength(0);
  });
});

describe('sendNotifications: several notifications in one activity', () => {
  const batch = () => [
    requestFor(sampleBodies.due_soon, { id: 'petition-2026/batch/1' }),
    requestFor(sampleBodies.escalation, { id: 'petition-2026/batch/2', to: [office] }),
  ];

  it('mails every recipient of every request once, and a retried batch sends nothing again', async () => {
    smtp = await startSmtpServer();
    const { sendNotifications } = activitiesFor(smtp.port);
    const requests = batch();
    const { notifications } = await sendNotifications(requests);

    expect(notifications.map((n) => [n.id, n.results.map((r) => [r.email, r.status])])).toEqual([
      [
        'petition-2026/batch/1',
        [
          [unitHead.email, 'delivered'],
          [office.email, 'delivered'],
        ],
      ],
      ['petition-2026/batch/2', [[office.email, 'delivered']]],
    ]);
    const received = smtp.received.map((mail) => parseMail(mail.raw).headers.get('message-id'));
    expect(received).toEqual([
      messageIdFor('petition-2026/batch/1', unitHead.email),
      messageIdFor('petition-2026/batch/1', office.email),
      messageIdFor('petition-2026/batch/2', office.email),
    ]);

    const again = await sendNotifications(requests);
    expect(again.notifications.flatMap((n) => n.results.map((r) => r.status))).toEqual([
      'already-delivered',
      'already-delivered',
      'already-delivered',
    ]);
    expect(smtp.received).toHaveLength(3);
  });

  it('retries the batch on a transient failure and reaches only the recipient it missed', async () => {
    let refusals = 0;
    smtp = await startSmtpServer({
      reject: (to) =>
        to.includes(office.email) && refusals++ === 0 ? { code: 451, message: 'try again later' } : undefined,
    });
    const { sendNotifications } = activitiesFor(smtp.port);
    const requests = batch();

    await expect(sendNotifications(requests)).rejects.toMatchObject({
      type: 'MailTransientFailure',
      nonRetryable: false,
    });
    // The refusal did not stop the rest of the batch.
    expect(smtp.received.map((mail) => mail.to)).toEqual([[unitHead.email], [office.email]]);
    const { notifications } = await sendNotifications(requests);
    expect(notifications.flatMap((n) => n.results.map((r) => r.status))).toEqual([
      'already-delivered',
      'delivered',
      'already-delivered',
    ]);
    expect(smtp.received).toHaveLength(3);
  });

  it('delivers the valid requests of a batch, then fails without a retry naming the invalid one and its field', async () => {
    smtp = await startSmtpServer();
    const { sendNotifications } = activitiesFor(smtp.port);
    const [first, second] = batch();
    const bad = {
      ...requestFor(sampleBodies.due_soon, { id: 'petition-2026/batch/bad' }),
      to: [{ name: 'x', email: 'nope' }],
    };

    const failure = await sendNotifications([first!, bad, second!]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ type: 'InvalidNotificationRequest', nonRetryable: true });
    expect(String((failure as Error).message)).toMatch(/\[1\] to\.0\.email/);
    expect(smtp.received).toHaveLength(3);
  });

  it('rejects an empty batch before sending anything', async () => {
    smtp = await startSmtpServer();
    const { sendNotifications } = activitiesFor(smtp.port);
    await expect(sendNotifications([])).rejects.toMatchObject({
      type: 'InvalidNotificationRequest',
      nonRetryable: true,
    });
    expect(smtp.received).toHaveLength(0);
  });
});
