import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { credentialFileName, credentialsDir, writeCredentialFiles } from '../../../client/access/credential-files';
import { recordIssuedCredentials } from '../../../client/access/credential-registry';
import { issueCredentials, type IssuedCredential } from '../../../client/access/issue-credentials';
import { readPlanFile } from '../../../client/plan/read-plan-file';
import { startCampaign } from '../../../client/start-campaign';
import { unitTaskQueueOf } from '../../../contracts';
import type { Principal } from '../../../domain/access/principal';
import { buildServiceApp } from '../../../service/app';
import { createServiceContext, type ServiceContext } from '../../../service/service-context';
import { createFolderStores } from '../../../stores';
import { testClient, temporalAddress } from '../../helpers/temporal';
import type { CliEnv } from '../../cli/support/cli';

/**
 * The service as a test drives it: the real app (Fastify's inject, no socket), a real Temporal
 * dev server, and the same data folder as the worker process the test starts.
 */

export interface Harness {
  app: FastifyInstance;
  ctx: ServiceContext;
  close(): Promise<void>;
}

export async function startHarness(env: CliEnv): Promise<Harness> {
  const stores = createFolderStores({ dataDir: env.dataDir, outboxDir: path.join(env.dataDir, 'outbox') });
  const ctx = await createServiceContext({
    temporal: { address: temporalAddress(), namespace: 'default', taskQueue: env.taskQueue, tls: false },
    env: process.env,
    stores,
    dataDir: env.dataDir,
    sessionMs: 3_600_000,
  });
  const app = await buildServiceApp({ ctx, sessionSecret: 'a-test-session-secret-of-32-chars-or-more' });
  return {
    app,
    ctx,
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}

/** Starts a plan file as campaign `id` with credentials, as `campaign start` does. */
export async function startWithCredentials(
  env: CliEnv,
  planFile: string,
  id: string,
  rehearsalDaySeconds?: number,
): Promise<void> {
  const checked = await readPlanFile(planFile);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const issued = issueCredentials(checked.plan, id);
  writeCredentialFiles(credentialsDir(env.dataDir, id), issued.credentials);
  await recordIssuedCredentials({ ...process.env, CAMPAIGN_DATA_DIR: env.dataDir }, issued.credentials);
  await startCampaign(await testClient(), checked.plan, {
    taskQueue: env.taskQueue,
    startedBy: 'office',
    campaignId: id,
    access: issued.access,
    unitTaskQueue: unitTaskQueueOf(env.taskQueue),
    ...(rehearsalDaySeconds === undefined ? {} : { rehearsalScale: 86_400 / rehearsalDaySeconds }),
  });
}

export function credentialOf(env: CliEnv, id: string, principal: Principal): IssuedCredential {
  const file = path.join(credentialsDir(env.dataDir, id), credentialFileName(principal));
  return JSON.parse(fs.readFileSync(file, 'utf8')) as IssuedCredential;
}

export interface SignedIn {
  headers: { cookie: string; 'x-csrf-token': string };
  cookie: string;
  csrfToken: string;
}

export async function signIn(app: FastifyInstance, credential: IssuedCredential): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: credential });
  if (response.statusCode !== 201) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = cookieOf(response);
  const { csrfToken } = response.json<{ csrfToken: string }>();
  return { headers: { cookie, 'x-csrf-token': csrfToken }, cookie, csrfToken };
}

export function cookieOf(response: LightMyRequestResponse): string {
  const set = response.cookies.find((c) => c.name === 'campaign_session');
  if (set === undefined) throw new Error('no session cookie was set');
  return `${set.name}=${set.value}`;
}

/** A multipart body as a browser sends it: fields first, then files. */
export async function multipart(
  fields: Record<string, string>,
  files: { name: string; bytes: Uint8Array | string; type?: string }[],
): Promise<{ payload: Buffer; headers: { 'content-type': string } }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes;
    form.append('file', new Blob([bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  }
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
  };
}

/** A small plan: a phase that files cases and takes a member list, then one that waits for approval. */
export function writeServicePlan(dir: string, id: string): string {
  const file = path.join(dir, `${id}.yaml`);
  const unit = (uid: string, name: string) =>
    `  - { id: ${uid}, name: ${name}, head: { name: ${name}主要领导, email: head-${uid}@example.org }, contact: { name: ${name}联络员, email: ${uid}@example.org } }`;
  fs.writeFileSync(
    file,
    [
      `campaign: { id: ${id}, title: 服务演练, organiser: 县信访局 }`,
      'leadingGroup:',
      '  head: { id: head, name: 组长, email: head@example.org }',
      '  members: [{ id: member, name: 成员, email: member@example.org }]',
      'office: { id: office, name: 县信访局, email: office@example.org }',
      'units:',
      unit('town-a', '甲镇'),
      unit('town-b', '乙镇'),
      'escalation:',
      '  - { after: 1d, notify: [unit-head] }',
      'phases:',
      '  - id: mobilise',
      '    name: 宣传发动',
      '    window: { start: 2026-04-12, end: 2026-04-13 }',
      '    casesFiling: true',
      '    deliverables: [{ id: members, title: 工作小组成员名单, kind: member-list, due: 2026-04-13 }]',
      '  - id: accept',
      '    name: 总结验收',
      '    window: { start: 2026-04-14, end: 2026-04-15 }',
      '    gate: approval',
      '    deliverables: [{ id: summary, title: 书面总结, kind: summary, due: 2026-04-15 }]',
      '',
    ].join('\n'),
  );
  return file;
}
