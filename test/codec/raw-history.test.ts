import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { AesGcmPayloadCodec } from '../../codec/aes-gcm-codec';
import { startCodecServer } from '../../codec/codec-server';
import { campaignKeyring } from '../../codec/data-converter';
import { startCampaign } from '../../client/start-campaign';
import { freePort } from '../../server/provision';
import { casesQuery, fileCasesUpdate, submitReportUpdate, unitStatusQuery, asOfNow } from '../../workflows/messages';
import { campaignWorkflowId, unitWorkflowId } from '../../workflows/workflow-ids';
import { uniqueId } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { smallPlan } from '../support/plans';

const SCALE = 86_400_000 / 600_000;

describe('personal data on the Temporal server', () => {
  it('is ciphertext in raw history, readable through the codec and its endpoint only', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const id = uniqueId('codec');
      const base = smallPlan(id);
      const plan = { ...base, phases: base.phases.map((p, i) => (i === 0 ? { ...p, casesFiling: true } : p)) };
      await startCampaign(client, plan, { taskQueue, startedBy: 'office', rehearsalScale: SCALE });
      const unit = client.workflow.getHandle(unitWorkflowId(id, 'town-a'));
      await eventually(
        () => unit.query(unitStatusQuery, asOfNow()).catch(() => undefined),
        (s) => s?.rows.length === 1,
        { what: 'town-a to owe its member list' },
      );
      const marker = randomUUID();
      const petitioner = `信访人${marker}`;
      const phone = `139${marker.slice(0, 8)}`;
      const reportText = `报告内容${marker}`;
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

      // A client without it, as the server and its UI see them: nowhere in any byte of history.
      const raw = new Client({ connection: client.connection });
      const histories = await Promise.all(
        [campaignWorkflowId(id), unitWorkflowId(id, 'town-a'), unitWorkflowId(id, 'town-b')].map(async (wf) =>
          Buffer.from(temporal.api.history.v1.History.encode(await raw.workflow.getHandle(wf).fetchHistory()).finish()),
        ),
      );
      for (const bytes of histories) {
        for (const secret of [marker, petitioner, phone, reportText])
          expect(bytes.includes(Buffer.from(secret))).toBe(false);
      }

      // The codec endpoint opens a payload from raw history for whoever holds its token.
      const events = (await raw.workflow.getHandle(unitWorkflowId(id, 'town-a')).fetchHistory()).events ?? [];
      const sealed = events.flatMap(
        (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads ?? [],
      )[0];
      expect(sealed).toBeDefined();
      const port = await freePort();
      const token = randomUUID();
      const server = await startCodecServer({
        codec: new AesGcmPayloadCodec(campaignKeyring()),
        port,
        origin: 'http://localhost:8233',
        token,
      });
      try {
        const body = JSON.stringify({
          payloads: [
            {
              metadata: Object.fromEntries(
                Object.entries(sealed?.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
              ),
              data: Buffer.from(sealed?.data ?? []).toString('base64'),
            },
          ],
        });
        const url = `http://127.0.0.1:${port}/decode`;
        const denied = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
        expect(denied.status).toBe(401);
        const opened = await fetch(url, {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        });
        expect(opened.status).toBe(200);
        expect(opened.headers.get('access-control-allow-origin')).toBe('http://localhost:8233');
        const { payloads } = (await opened.json()) as { payloads: { data: string }[] };
        expect(Buffer.from(payloads[0]?.data ?? '', 'base64').toString('utf8')).toContain(petitioner);
      } finally {
        server.close();
      }
    });
  });
});
