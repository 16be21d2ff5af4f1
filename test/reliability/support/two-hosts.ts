import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import pg from 'pg';
import { expect } from 'vitest';
import { createPgStores } from '../../../stores/postgres';
import { uniqueId } from '../../helpers/temporal';
import { busyPlan, runCampaignUnderFire, type FireContext, type Outcome } from './campaign-under-fire';
import type { MailSink } from './mail-sink';
import { spawnWorker, type WorkerProcess } from './worker-process';

/** The two hosts of a test: start (or restart) a host's worker by name. */
export interface Hosts {
  start(host: 'a' | 'b'): Promise<WorkerProcess>;
  current(host: 'a' | 'b'): WorkerProcess;
}

/**
 * Two hosts: a worker process each, on a data folder of its own, sharing only the Temporal server
 * and one PostgreSQL (DATABASE_URL). Runs the busy campaign under `inject`'s faults (every
 * submission once, every mail once: runCampaignUnderFire), then checks that what must be shared is
 * in the database, readable by any host, and in neither folder.
 */
export async function runOnTwoHosts(options: {
  client: Client;
  address: string;
  databaseUrl: string;
  sink: MailSink;
  inject: (context: FireContext & { hosts: Hosts }) => Promise<void>;
}): Promise<Outcome> {
  const { client, sink } = options;
  const taskQueue = uniqueId('hosts');
  const folders = {
    a: fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-host-a-')),
    b: fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-host-b-')),
  };
  const all: WorkerProcess[] = [];
  const running = new Map<'a' | 'b', WorkerProcess>();
  const hosts: Hosts = {
    async start(host) {
      const worker = spawnWorker({
        address: options.address,
        taskQueue,
        dataDir: folders[host],
        smtpUrl: sink.url,
        env: { DATABASE_URL: options.databaseUrl },
      });
      all.push(worker);
      running.set(host, worker);
      await worker.ready(client);
      return worker;
    },
    current(host) {
      const worker = running.get(host);
      if (worker === undefined) throw new Error(`host ${host} has no worker`);
      return worker;
    },
  };
  const plan = busyPlan(uniqueId('hosts'));
  try {
    await Promise.all([hosts.start('a'), hosts.start('b')]);
    const outcome = await runCampaignUnderFire({
      client,
      taskQueue,
      sink,
      plan,
      inject: (context) => options.inject({ ...context, hosts }),
    });
    await expectSharedStateInDatabase(options.databaseUrl, plan.campaign.id, sink);
    for (const folder of Object.values(folders)) {
      for (const kept of ['deliveries', 'notifications', 'reports', 'outbox']) {
        expect(fs.existsSync(path.join(folder, kept)), `${folder}/${kept}`).toBe(false);
      }
    }
    return outcome;
  } finally {
    await Promise.all(all.map((w) => w.stop()));
    for (const folder of Object.values(folders)) fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Every mail the sink took is recorded as delivered, and every report a host published opens. */
async function expectSharedStateInDatabase(url: string, campaignId: string, sink: MailSink): Promise<void> {
  const stores = await createPgStores({ url, poolSize: 2, patienceMs: 10_000 });
  const sql = new pg.Client(url);
  await sql.connect();
  try {
    const log = await stores.notifications.read(campaignId);
    const delivered = new Set(log.filter((e) => e.status === 'delivered').map((e) => `${e.messageId} ${e.email}`));
    const received = sink.received.filter((m) => m.campaignId === campaignId);
    expect(received.length).toBeGreaterThan(0);
    for (const mail of received) {
      expect(delivered.has(`${mail.messageId} ${mail.rcpt}`), `${mail.messageId} ${mail.rcpt}`).toBe(true);
      expect((await stores.deliveries.get(campaignId, mail.messageId))?.status).toBe('delivered');
    }
    // The phase and final reports, compiled on whichever host ran them, stored once, readable here.
    const published = await sql.query<{ sha256: string; name: string }>(
      'SELECT sha256, name FROM report_blobs WHERE name LIKE $1',
      [`${campaignId}-%`],
    );
    expect(published.rows.map((r) => r.name)).toContain(`${campaignId}-campaign-report.md`);
    for (const row of published.rows) {
      expect((await stores.reports.get(`sha256:${row.sha256}`)).length, row.name).toBeGreaterThan(0);
    }
  } finally {
    await sql.end();
    await stores.close();
  }
}
