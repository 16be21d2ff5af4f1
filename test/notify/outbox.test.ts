import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFileDeliveryLog,
  createNotificationLogActivities,
  createNotifyActivities,
  messageIdFor,
  readNotificationLog,
} from '../../activities/notify';
import { CAMPAIGN_TITLE, office, requestFor, sampleBodies, unitHead } from './fixtures';
import { parseMail } from './parse-mail';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'outbox-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function outboxActivities(lines: string[], logPersonalData = true) {
  return createNotifyActivities({
    mailConfig: { from: 'Campaign Office <campaign@localhost>', dataDir, outboxDir: path.join(dataDir, 'outbox') },
    deliveryLog: createFileDeliveryLog({ dataDir }),
    log: (line) => lines.push(line),
    logPersonalData,
  });
}

describe('the outbox, used when no SMTP server is configured', () => {
  it('logs neither the recipient nor the subject (case titles) unless asked to', async () => {
    const lines: string[] = [];
    const request = requestFor(sampleBodies.due_soon, { rehearsal: true });
    await outboxActivities(lines, false).sendNotification({ ...request, id: `${request.id}-masked` });
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatch(/^outbox: \S+\.eml → \S\*\*\*@\S+$/);
      expect(line).not.toContain(unitHead.email);
      expect(line).not.toContain(CAMPAIGN_TITLE);
    }
  });

  it('writes each message as a parseable .eml file and logs one line per recipient', async () => {
    const lines: string[] = [];
    const request = requestFor(sampleBodies.due_soon, { rehearsal: true });
    const { results } = await outboxActivities(lines).sendNotification(request);

    expect(results.map((result) => result.status)).toEqual(['outbox', 'outbox']);
    const folder = path.join(dataDir, 'outbox', request.campaignId);
    const files = (await readdir(folder)).sort();
    expect(files).toHaveLength(2);
    expect(files.every((file) => /^20260412-0900-due_soon-[0-9a-f]{12}\.eml$/.test(file))).toBe(true);

    const subject = `【演练】【${CAMPAIGN_TITLE}】宣传发动：请于2026-04-14 18:00前上报 工作小组成员名单`;
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^outbox: ${folder}/\\S+\\.eml \\(${subject}\\) → ${unitHead.email}$`));

    const log = await readNotificationLog(request.campaignId, { dataDir });
    const headFile = log.find((entry) => entry.email === unitHead.email)?.file ?? '';
    const raw = await readFile(headFile, 'utf8');
    expect(raw).toContain('\r\n');
    const mail = parseMail(raw);
    expect(mail.subject).toBe(subject);
    expect(mail.headers.get('message-id')).toBe(messageIdFor(request.id, unitHead.email));
    expect(mail.headers.get('from')).toBe('Campaign Office <campaign@localhost>');
    expect(mail.headers.get('to')).toContain(unitHead.email);
    expect(mail.headers.get('mime-version')).toBe('1.0');
    expect(mail.text).toContain('工作小组成员名单');
    expect(mail.html).toContain('<p>李明：</p>');
  });

  it('does not write a second file when the same notification is sent again', async () => {
    const lines: string[] = [];
    const activities = outboxActivities(lines);
    const request = requestFor(sampleBodies.case_assigned, { to: [office] });
    await activities.sendNotification(request);
    const { results } = await activities.sendNotification(request);
    expect(results).toEqual([
      { email: office.email, status: 'already-delivered', messageId: messageIdFor(request.id, office.email) },
    ]);
    expect(await readdir(path.join(dataDir, 'outbox', request.campaignId))).toHaveLength(1);
    expect(lines).toHaveLength(1);
  });

  it('keeps each campaign inside the data folder even with an unusual campaign id', async () => {
    const request = requestFor(sampleBodies.campaign_cancelled, { campaignId: '../../etc', to: [office] });
    await outboxActivities([]).sendNotification(request);
    const folders = await readdir(path.join(dataDir, 'outbox'));
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/^id-[0-9a-f]{32}$/);
    expect(await readNotificationLog('../../etc', { dataDir })).toHaveLength(1);
  });

  it('reads back an empty log for a campaign that has sent nothing', async () => {
    expect(await readNotificationLog('never-started', { dataDir })).toEqual([]);
  });

  it('answers the getNotificationLog activity with the latest entries first asked for', async () => {
    const activities = outboxActivities([]);
    await activities.sendNotification(requestFor(sampleBodies.phase_opened));
    await activities.sendNotification(requestFor(sampleBodies.due_soon, { to: [unitHead] }));
    const { getNotificationLog } = createNotificationLogActivities({ dataDir });
    expect(await getNotificationLog('petition-2026')).toHaveLength(3);
    const last = await getNotificationLog('petition-2026', { last: 1 });
    expect(last.map((entry) => [entry.kind, entry.email, entry.status, entry.at])).toEqual([
      ['due_soon', unitHead.email, 'outbox', '2026-04-12T01:00:00Z'],
    ]);
  });
});
