import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ActivityFailure, ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING } from '../../codec/aes-gcm-codec';
import { startCodecServer } from '../../codec/codec-server';
import { campaignKeyring } from '../../codec/data-converter';
import { startCampaign } from '../../client/start-campaign';
import { freePort } from '../../server/free-port';
import {
  asOfNow,
  casesQuery,
  fileCasesUpdate,
  submitReportUpdate,
  unitStatusQuery,
  campaignWorkflowId,
  unitWorkflowId,
} from '../../contracts';
import { uniqueId, withWorker } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { smallPlan } from '../support/plans';
import type { FailingActivities } from './failing-workflow';
import { CLEAR_MARK } from '../../contracts/clear-summary';
import { CAMPAIGN_SEARCH_ATTRIBUTES } from '../../contracts/search-attributes';
import { rawHistory, type RawHistory } from './raw-history';

const SCALE = 86_400_000 / 600_000;
const utf8 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

/** No marker in the history's bytes, nor in any payload's data read as text; every payload sealed. */
function expectCiphertextOnly(history: RawHistory, markers: string[]): void {
  expect(history.payloads.length).toBeGreaterThan(0);
  for (const marker of markers) {
    expect(history.bytes.includes(Buffer.from(marker)), marker).toBe(false);
    for (const payload of history.payloads) expect(utf8(payload.data)).not.toContain(marker);
  }
  for (const payload of history.payloads) expect(utf8(payload.metadata?.['encoding'])).toBe(ENCRYPTED_ENCODING);
}

const asJson = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

describe('personal data on the Temporal server', () => {
  it('is ciphertext in raw history, readable through the codec and its endpoint only', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const id = uniqueId('codec');
      const marker = randomUUID();
      const petitioner = `信访人${marker}`;
      const phone = `139${marker.slice(0, 8)}`;
      const reportText = `报告内容${marker}`;
      const title = `专项治理${marker}`; // also in the workflow's memo
      const base = smallPlan(id);
      const plan = {
        ...base,
        campaign: { ...base.campaign, title },
        phases: base.phases.map((p, i) => (i === 0 ? { ...p, casesFiling: true } : p)),
      };
      await startCampaign(client, plan, { taskQueue, startedBy: 'office', rehearsalScale: SCALE });
      const unit = client.workflow.getHandle(unitWorkflowId(id, 'town-a'));
      await eventually(
        () => unit.query(unitStatusQuery, asOfNow()).catch(() => undefined),
        (s) => s?.rows.length === 1,
        { what: 'town-a to owe its member list' },
      );
      await unit.executeUpdate(fileCasesUpdate, {
        args: [
          {
            filings: [
              {
                title: '征地补偿',
                category: 'law-related',
                petitioner: { name: petitioner, contact: phone },
                owningLeader: { name: '副组长' },
                handler: '王干事',
                stabilityOfficer: '李所长',
                deadline: '2026-05-20',
                requirements: '依法解决',
              },
            ],
            by: 'unit:town-a',
          },
        ],
      });
      await unit.executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: 'members', report: { text: reportText, members: [{ name: petitioner }] }, by: 'u' }],
      });

      // A client with the codec reads them back.
      expect((await unit.query(casesQuery))[0]?.petitioner).toEqual({ name: petitioner, contact: phone });

      // As the server and its UI hold them: in no byte of any workflow's history.
      // The title is readable on purpose, in the summaries only (below); the rest is in no byte.
      const markers = [petitioner, phone, reportText];
      const histories = await Promise.all(
        [campaignWorkflowId(id), unitWorkflowId(id, 'town-a'), unitWorkflowId(id, 'town-b')].map((wf) =>
          rawHistory(client, wf),
        ),
      );
      for (const history of histories) expectCiphertextOnly(history, markers);
      // Clear on purpose, and nothing else: the search attributes, ids, kinds, phase, state, counts.
      const names = new Set(histories.flatMap((h) => h.clear.map((field) => field.split(':')[0])));
      expect([...names].sort()).toEqual(
        [...CAMPAIGN_SEARCH_ATTRIBUTES.map((key) => key.name), 'details', 'summary'].sort(),
      );
      const summaries = histories.flatMap((h) =>
        h.clear.filter((f) => f.startsWith('summary') || f.startsWith('details')),
      );
      expect(summaries).toEqual(
        expect.arrayContaining([
          `summary: ${CLEAR_MARK}【演练】${title}：2个责任单位，2个阶段`,
          `summary: ${CLEAR_MARK}甲镇（town-a）：${title}`,
          expect.stringMatching(/^summary: .等待下一时点：2026-\d\d-\d\d \d\d:\d\d$/),
          expect.stringMatching(/^summary: .发送通知 /),
        ]),
      );
      for (const marker of markers) expect(summaries.join('\n')).not.toContain(marker);
      expect(histories[1]?.clear).toEqual(
        expect.arrayContaining([
          `CampaignId: "${id}"`,
          'CampaignWorkflowKind: "unit"',
          'CampaignUnitId: "town-a"',
          'CampaignRehearsal: true',
          'CampaignState: "open"',
        ]),
      );

      // The keys open every one of those payloads again: the report is there, sealed, not missing.
      const codec = new AesGcmPayloadCodec(campaignKeyring());
      const unitHistory = histories[1];
      const opened = (await codec.decode(unitHistory?.payloads ?? [])).map((p) => utf8(p.data)).join('\n');
      expect(opened).toContain(reportText);
      expect(opened).toContain(phone);

      // The codec endpoint opens the same payloads, as the Web UI asks for them, for token holders only.
      const token = randomUUID();
      const port = await freePort();
      const server = await startCodecServer({ codec, port, origins: ['http://localhost:8233'], token });
      try {
        const body = JSON.stringify({ payloads: (unitHistory?.payloads ?? []).map(asJson) });
        const post = (url: string, headers: Record<string, string> = {}) =>
          fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
        const refused = await post(`http://127.0.0.1:${port}/decode`); // no token: the refusal, not the data
        expect(refused.headers.get('x-codec-refused')).toMatch(/^401/);
        const withheld = ((await refused.json()) as { payloads: { data: string }[] }).payloads;
        expect(withheld.map((p) => Buffer.from(p.data, 'base64').toString('utf8')).join('\n')).not.toContain(
          petitioner,
        );
        const opened = await post(`http://127.0.0.1:${port}/${token}/decode`); // how the Web UI sends it
        expect(opened.status).toBe(200);
        const { payloads } = (await opened.json()) as { payloads: { data: string }[] };
        const text = payloads.map((p) => Buffer.from(p.data, 'base64').toString('utf8')).join('\n');
        expect(text).toContain(petitioner);
        expect(text).toContain(reportText);
      } finally {
        server.close();
      }
    });
  });

  it('keeps failure messages sealed too, from activities and from workflow code', async () => {
    const marker = `失败原因${randomUUID()}`;
    const activities: FailingActivities = {
      failWith: (text) => Promise.reject(new Error(`the activity could not reach ${text}`)),
    };
    const workflowsPath = path.join(__dirname, 'failing-workflow.ts');
    await withWorker({ workflowsPath, activities }, async ({ client, taskQueue }) => {
      const workflowId = uniqueId('codec-failure');
      const handle = await client.workflow.start('quotingFailureWorkflow', { args: [marker], taskQueue, workflowId });
      const failure: unknown = await handle.result().catch((error: unknown) => error);

      // With the codec: both messages, as thrown.
      expect(failure).toBeInstanceOf(WorkflowFailedError);
      const cause = (failure as WorkflowFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect(cause?.message).toBe(`the workflow gave up on ${marker}`);
      expect(cause?.cause).toBeInstanceOf(ActivityFailure);
      expect((cause?.cause as ActivityFailure | undefined)?.cause?.message).toBe(
        `the activity could not reach ${marker}`,
      );

      // Without it: neither message, anywhere.
      const history = await rawHistory(client, workflowId);
      expectCiphertextOnly(history, [marker]);
      expect(history.bytes.includes(Buffer.from('gave up'))).toBe(false);
      expect(history.bytes.includes(Buffer.from('could not reach'))).toBe(false);
    });
  });
});
