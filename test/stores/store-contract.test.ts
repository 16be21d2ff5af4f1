import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidReportRefError, ReportNotFoundError, refFor } from '../../activities/reports/report-store';
import { createFolderStores, type Stores } from '../../stores';
import { createPgStores } from '../../stores/postgres';
import type { DeliveryRecord, NotificationLogEntry } from '../../stores/types';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';

/**
 * One contract, two implementations: every test below runs against the data folder and against a
 * real PostgreSQL, so the service and the workers may hold either without knowing which.
 */

let db: TestPostgres;
const dirs: string[] = [];
const opened: Stores[] = [];
beforeAll(async () => {
  db = await startTestPostgres();
});
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await db?.dispose();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function folderStores(): Stores {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-stores-'));
  dirs.push(dir);
  return createFolderStores({ dataDir: dir, outboxDir: path.join(dir, 'outbox') });
}

async function pgStores(): Promise<Stores> {
  const stores = await createPgStores({ url: db.url, poolSize: 4, patienceMs: 30_000 });
  opened.push(stores);
  return stores;
}

let campaignSerial = 0;
const newCampaign = () => `contract-${process.pid}-${++campaignSerial}`;

const delivery = (campaignId: string, overrides: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  messageId: `<${'a'.repeat(64)}@campaign>`,
  requestId: 'req-1',
  campaignId,
  email: 'head@unit.example.org',
  status: 'delivered',
  recordedAt: '2026-04-12T01:00:00.000Z',
  subject: '提醒：每日进展',
  ...overrides,
});

const line = (requestId: string): NotificationLogEntry => ({
  requestId,
  kind: 'reminder',
  at: '2026-04-12T01:00:00.000Z',
  sentAt: '2026-04-12T01:00:01.000Z',
  rehearsal: true,
  name: '张三',
  email: 'head@unit.example.org',
  subject: '提醒',
  status: 'delivered',
  messageId: `<${requestId}@campaign>`,
});

describe.each([
  ['the data folder', () => Promise.resolve(folderStores())],
  ['PostgreSQL', pgStores],
] as const)('the shared stores on %s', (_name, open) => {
  it('keeps a report file once per content, with the first name it was given', async () => {
    const { reports } = await open();
    const bytes = new TextEncoder().encode(`报告 ${Math.random()}`);
    const ref = await reports.put(bytes, { name: '总结.docx', mediaType: 'application/msword' });
    expect(ref).toBe(refFor(bytes));
    expect(await reports.put(bytes, { name: 'again.txt', mediaType: 'text/plain' })).toBe(ref);
    expect(Buffer.compare(await reports.get(ref), Buffer.from(bytes))).toBe(0);
    expect(await reports.has(ref)).toBe(true);
    expect(await reports.stat(ref)).toMatchObject({
      name: '总结.docx',
      mediaType: 'application/msword',
      size: bytes.length,
    });
  });

  it('says plainly when a report reference is unknown or malformed', async () => {
    const { reports } = await open();
    const unknown = `sha256:${'0'.repeat(64)}`;
    await expect(reports.get(unknown)).rejects.toBeInstanceOf(ReportNotFoundError);
    expect(await reports.has(unknown)).toBe(false);
    expect(await reports.stat(unknown)).toBeUndefined();
    await expect(reports.get('../../etc/passwd')).rejects.toBeInstanceOf(InvalidReportRefError);
  });

  it('remembers each delivery per campaign, the latest outcome winning', async () => {
    const { deliveries } = await open();
    const campaign = newCampaign();
    const record = delivery(campaign, { status: 'failed', error: '550 no such user' });
    expect(await deliveries.get(campaign, record.messageId)).toBeUndefined();
    await deliveries.put(record);
    expect(await deliveries.get(campaign, record.messageId)).toEqual(record);
    await deliveries.put({ ...record, status: 'delivered', error: undefined });
    expect((await deliveries.get(campaign, record.messageId))?.status).toBe('delivered');
    expect(await deliveries.get(newCampaign(), record.messageId)).toBeUndefined();
  });

  it('reads the notification log back in the order it was written, per campaign', async () => {
    const { notifications } = await open();
    const [one, two] = [newCampaign(), newCampaign()];
    for (const id of ['r1', 'r2', 'r3']) await notifications.append(one, line(id));
    await notifications.append(two, line('other'));
    expect((await notifications.read(one)).map((e) => e.requestId)).toEqual(['r1', 'r2', 'r3']);
    expect((await notifications.read(two)).map((e) => e.requestId)).toEqual(['other']);
    expect(await notifications.read(newCampaign())).toEqual([]);
  });

  it('keeps an audit in order, answers the last few, and refuses an entry without an actor', async () => {
    const { audit } = await open();
    const scope = newCampaign();
    for (const action of ['sign-in', 'submit', 'approve'])
      await audit.append({ scope, actor: 'office', action, at: '2026-04-12T01:00:00.000Z' });
    expect((await audit.read(scope)).map((e) => e.action)).toEqual(['sign-in', 'submit', 'approve']);
    expect((await audit.read(scope, { last: 2 })).map((e) => e.action)).toEqual(['submit', 'approve']);
    await expect(audit.append({ scope, actor: '', action: 'x', at: 'now' })).rejects.toThrow(/actor/);
    expect(await audit.read(scope)).toHaveLength(3);
  });

  it('keeps unsent mail under a stable name, a rewrite replacing it', async () => {
    const { outbox } = await open();
    const campaign = newCampaign();
    const first = await outbox.write(campaign, '20260412-0900-reminder-abc', Buffer.from('first'));
    const again = await outbox.write(campaign, '20260412-0900-reminder-abc', Buffer.from('second'));
    expect(again).toBe(first);
    expect((await outbox.read(first))?.toString()).toBe('second');
    expect(await outbox.read(first.replace('abc', 'xyz'))).toBeUndefined();
    expect(await outbox.read('/etc/passwd')).toBeUndefined();
  });

  it('issues a credential once and keeps the first revocation', async () => {
    const { credentials } = await open();
    const id = `cred-${newCampaign()}`;
    const credential = { id, holder: 'unit:on-time-01', publicHalf: 'sha256:abc', issuedAt: '2026-04-12T01:00:00Z' };
    expect(await credentials.issue(credential)).toBe(true);
    expect(await credentials.issue({ ...credential, publicHalf: 'sha256:other' })).toBe(false);
    expect(await credentials.get(id)).toEqual(credential);
    await credentials.revoke(id, '2026-04-13T00:00:00Z');
    await credentials.revoke(id, '2026-04-14T00:00:00Z');
    expect((await credentials.get(id))?.revokedAt).toBe('2026-04-13T00:00:00Z');
    expect(await credentials.get('cred-never-issued')).toBeUndefined();
  });
});

describe('PostgreSQL shared by several hosts', () => {
  it('shows what one host stored to another host at once', async () => {
    const [here, there] = await Promise.all([pgStores(), pgStores()]);
    const campaign = newCampaign();
    const ref = await here.reports.put(Buffer.from(`附件 ${campaign}`), {
      name: 'a.pdf',
      mediaType: 'application/pdf',
    });
    await here.deliveries.put(delivery(campaign));
    expect((await there.reports.get(ref)).toString()).toBe(`附件 ${campaign}`);
    expect(await there.deliveries.get(campaign, delivery(campaign).messageId)).toEqual(delivery(campaign));
  });

  it('brings the schema up to date once when many hosts start together', async () => {
    const all = await Promise.all(Array.from({ length: 5 }, () => pgStores()));
    expect(all.every((s) => s.kind === 'postgres')).toBe(true);
  });

  it('waits out a database outage to record a mail already sent, instead of failing', async () => {
    const stores = await pgStores();
    const campaign = newCampaign();
    await db.stop();
    // The outage is on a schedule the test holds: the write starts while the database is down,
    // the database comes back only after the write has certainly failed at least once.
    let settled = false;
    const writing = stores.deliveries.put(delivery(campaign)).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(settled).toBe(false);
    await db.start();
    await writing;
    expect(await stores.deliveries.get(campaign, delivery(campaign).messageId)).toEqual(delivery(campaign));
  });

  it('fails a plain read while the database is away, so the activity is retried', async () => {
    const stores = await pgStores();
    await db.stop();
    try {
      await expect(stores.deliveries.get(newCampaign(), '<x@campaign>')).rejects.toThrow();
    } finally {
      await db.start();
    }
    expect(await stores.deliveries.get(newCampaign(), '<x@campaign>')).toBeUndefined();
  });
});
